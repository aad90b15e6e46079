using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// Order dates take part in promise arithmetic (a day added to a date-only promise, a window of 30 days before `to`):
/// one at the edge of the Timestamp range is refused up front, naming the field, instead of failing half-way.
/// </summary>
public sealed class OrderDateRangeTests
{
    [Theory]
    [InlineData("latest_delivery_date")]
    [InlineData("latest_ship_date")]
    [InlineData("purchased_at")]
    public async Task An_order_date_at_the_end_of_time_is_refused_naming_it_and_nothing_is_written(string field)
    {
        await using var server = await TestServer.StartAsync();
        var number = Numbers.Sandbox(0);
        var endOfTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero));
        var order = new Order { Channel = "manual", OrderId = "X-" + field };
        switch (field)
        {
            case "latest_delivery_date": order.LatestDeliveryDate = endOfTime; break;
            case "latest_ship_date": order.LatestShipDate = endOfTime; break;
            default: order.PurchasedAt = endOfTime; break;
        }
        var request = new UpsertOrderRequest { Order = order };
        request.Shipments.Add(new OrderShipment { Carrier = "sandbox", TrackingNumber = number });

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Orders().UpsertOrderAsync(request).ResponseAsync);
        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client().GetShipmentAsync(new GetShipmentRequest { Carrier = "sandbox", TrackingNumber = number }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("order." + field + ":", error.Status.Detail);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task A_parcel_shipped_in_the_future_is_refused_as_it_would_hide_a_late_shipment()
    {
        await using var server = await TestServer.StartAsync();
        var request = new UpsertOrderRequest { Order = new Order { Channel = "manual", OrderId = "X-future" } };
        request.Shipments.Add(new OrderShipment
        {
            Carrier = "sandbox", TrackingNumber = Numbers.Sandbox(0), ShippedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(3)),
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Orders().UpsertOrderAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("shipments[0].shipped_at:", error.Status.Detail);
    }

    // A purchase is in the past: a date years ahead is a caller's mistake (a wrong field, a wrong year), not an order.
    [Fact]
    public async Task An_order_purchased_in_the_future_is_refused_naming_the_field()
    {
        await using var server = await TestServer.StartAsync();
        var request = new UpsertOrderRequest
        {
            Order = new Order { Channel = "manual", OrderId = "X-bought-later", PurchasedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(3)) },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Orders().UpsertOrderAsync(request).ResponseAsync);
        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "manual", OrderId = "X-bought-later" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("order.purchased_at: must not be in the future", error.Status.Detail);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Theory]
    [InlineData("to")]
    [InlineData("from")]
    public async Task A_metrics_window_at_the_start_of_time_is_refused_naming_its_bound(string field)
    {
        await using var server = await TestServer.StartAsync();
        var early = Timestamp.FromDateTimeOffset(new DateTimeOffset(1, 1, 10, 0, 0, 0, TimeSpan.Zero));
        var request = field == "to" ? new GetSellerMetricsRequest { To = early } : new GetSellerMetricsRequest { From = early };

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Orders().GetSellerMetricsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
    }
}
