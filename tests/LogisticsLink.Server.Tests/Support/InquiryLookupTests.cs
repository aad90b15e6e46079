using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// A tracking number the buyer quotes finds its parcel whatever carrier it is stored under: the marketplace or the
/// caller chose that carrier, not detection.
/// </summary>
public sealed class InquiryLookupTests
{
    // An FBA shipments report's SMARTPOST parcel is stored as fedex, but detection reads a 91… number as USPS only;
    // an Amazon Shipping parcel registered with its carrier id is known to the buyer without it.
    [Theory]
    [InlineData("fedex", "9102901001301798807420", "9102901001301798807420")]
    [InlineData("amazon", "AMZN_US:TBA000000000020", "TBA000000000020")]
    public async Task A_parcel_is_found_by_its_number_whatever_carrier_it_was_stored_under(string carrier, string stored, string quoted)
    {
        await using var server = await StartAsync();
        var orderId = AmazonId();
        var order = Order(orderId, FulfillmentChannel.Amazon, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        order.Shipments.Add(new OrderShipment { Carrier = carrier, TrackingNumber = stored });
        await server.Orders().UpsertOrderAsync(order);
        var support = server.Support();

        var byField = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = quoted });
        var byText = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", MessageText = $"Where is parcel {quoted}?" });

        Assert.All(new[] { byField, byText }, answer =>
        {
            Assert.Equal(orderId, answer.Order?.OrderId);
            Assert.Equal(RecommendedAction.RedirectToAmazon, answer.Action);
        });
    }

    [Fact]
    public async Task One_number_stored_under_two_carriers_for_two_orders_is_reported_not_guessed()
    {
        await using var server = await StartAsync();
        const string number = "9102901001301798807420";
        var (first, second) = (AmazonId(), AmazonId());
        foreach (var (orderId, carrier) in new[] { (first, "fedex"), (second, "usps") })
        {
            var order = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
            order.Shipments.Add(new OrderShipment { Carrier = carrier, TrackingNumber = number });
            await server.Orders().UpsertOrderAsync(order);
        }

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = number });

        Assert.True(answer.Ambiguous);
        Assert.Null(answer.Order);
        Assert.Equal(new[] { first, second }.Order(), answer.Candidates.Select(c => c.OrderId).Order());
        Assert.Equal(RecommendedAction.AskForOrderId, answer.Action);
    }

    private static Task<TestServer> StartAsync() => TestServer.StartAsync(
        settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
        services: s =>
        {
            foreach (var code in new[] { "fedex", "usps", "amazon" })
            {
                s.AddSingleton<ICarrierClient>(new SilentCarrier(code));
            }
        });

    private sealed class SilentCarrier(string code) : ICarrierClient
    {
        public string Code => code;
        public TimeSpan? Cadence => null;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(CarrierResult.Success(Domain.Tracking.CarrierSnapshot.NotFound()));
    }
}
