using Google.Rpc;
using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>Invariant 6: bad input gets INVALID_ARGUMENT naming the field, and changes nothing.</summary>
public sealed class RequestValidationTests
{
    public static TheoryData<string, TrackShipmentRequest> BadTrackRequests => new()
    {
        { "tracking_number", new TrackShipmentRequest() },
        { "tracking_number", new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z!" } },
        { "carrier", new TrackShipmentRequest { TrackingNumber = "9261292700768711948021" } },
        { "carrier", new TrackShipmentRequest { TrackingNumber = "ABCDEFGH12" } },
        { "carrier", new TrackShipmentRequest { Carrier = "pigeon", TrackingNumber = "1Z999AA10123456784" } },
        { "tracking_number", new TrackShipmentRequest { Carrier = "sandbox", TrackingNumber = "1Z999AA10123456784" } },
        { "order.order_id", new TrackShipmentRequest { TrackingNumber = "LLSB0000000000", Order = new OrderReference { Channel = "amazon" } } },
        // Checked like UpsertOrder's key, after trimming: a link no GetOrder could ever find is refused.
        { "order.channel", new TrackShipmentRequest { TrackingNumber = "LLSB0000000000", Order = new OrderReference { Channel = "  ", OrderId = "111-1111111-1111111" } } },
        { "order.channel", new TrackShipmentRequest { TrackingNumber = "LLSB0000000000", Order = new OrderReference { Channel = "amazon.de", OrderId = "111-1111111-1111111" } } },
        { "order.order_id", new TrackShipmentRequest { TrackingNumber = "LLSB0000000000", Order = new OrderReference { Channel = "amazon", OrderId = "   " } } },
        { "labels[bad key]", new TrackShipmentRequest { TrackingNumber = "LLSB0000000000", Labels = { ["bad key"] = "x" } } },
    };

    [Theory]
    [MemberData(nameof(BadTrackRequests))]
    public async Task TrackShipment_rejects_bad_input_naming_the_field_and_writes_nothing(string field, TrackShipmentRequest request)
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var client = server.Client();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.TrackShipmentAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(BadRequestOf(error).FieldViolations, v => v.Field == field);
        Assert.Empty((await client.ListShipmentsAsync(new ListShipmentsRequest())).Shipments);
        Assert.Equal(0UL, await WatchReplayThenLiveTests.HeadAsync(server));
    }

    [Fact]
    public async Task Other_rpcs_name_their_bad_fields_and_unknown_ids_are_not_found()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var client = server.Client();

        await AssertField("shipment_id", client.GetShipmentAsync(new GetShipmentRequest()).ResponseAsync);
        await AssertField("max_age", client.GetShipmentAsync(new GetShipmentRequest
        {
            ShipmentId = "shp_x", MaxAge = new Google.Protobuf.WellKnownTypes.Duration { Seconds = -1 },
        }).ResponseAsync);
        // Outside what google.protobuf allows (ToTimeSpan / ToDateTimeOffset would throw): named, not an internal error.
        await AssertField("max_age", client.GetShipmentAsync(new GetShipmentRequest
        {
            ShipmentId = "shp_x", MaxAge = new Google.Protobuf.WellKnownTypes.Duration { Seconds = long.MaxValue },
        }).ResponseAsync);
        await AssertField("max_age", client.GetShipmentAsync(new GetShipmentRequest
        {
            ShipmentId = "shp_x", MaxAge = new Google.Protobuf.WellKnownTypes.Duration { Seconds = 1, Nanos = -1 },
        }).ResponseAsync);
        await AssertField("updated_since", client.ListShipmentsAsync(new ListShipmentsRequest
        {
            UpdatedSince = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1, Nanos = -5 },
        }).ResponseAsync);
        await AssertField("to", server.Orders().GetSellerMetricsAsync(new GetSellerMetricsRequest
        {
            To = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = long.MaxValue },
        }).ResponseAsync);
        await AssertField("page_size", client.ListShipmentsAsync(new ListShipmentsRequest { PageSize = 5000 }).ResponseAsync);
        await AssertField("page_token", client.ListShipmentsAsync(new ListShipmentsRequest { PageToken = "garbage" }).ResponseAsync);
        await AssertField("statuses", client.ListShipmentsAsync(new ListShipmentsRequest { Statuses = { ShipmentStatus.Unspecified } }).ResponseAsync);
        // List filters follow the single-item rules (GetOrder's key, UpsertOrder's status): a filter nothing could match is named.
        await AssertField("order_id", client.ListShipmentsAsync(new ListShipmentsRequest { OrderId = new string('1', 129) }).ResponseAsync);
        await AssertField("channel", server.Orders().ListOrdersAsync(new ListOrdersRequest { Channel = "amazon!!" }).ResponseAsync);
        await AssertField("status", server.Orders().ListOrdersAsync(new ListOrdersRequest { Status = new string('S', 65) }).ResponseAsync);

        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = "shp_missing" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_max_age_longer_than_any_check_accepts_the_stored_state()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var client = server.Client();
        var tracked = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        // The largest Duration there is (10,000 years): "now − max_age" is no date, yet any check is fresh enough.
        var answer = await client.GetShipmentAsync(new GetShipmentRequest
        {
            ShipmentId = tracked.Id, MaxAge = new Google.Protobuf.WellKnownTypes.Duration { Seconds = Google.Protobuf.WellKnownTypes.Duration.MaxSeconds },
        });

        Assert.Equal(tracked.Id, answer.Id);
    }

    [Fact]
    public async Task TrackShipment_is_idempotent_and_list_pages_are_stable()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var client = server.Client();
        var first = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "llsb 0000-000000" });
        var again = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "SANDBOX", TrackingNumber = "LLSB0000000000" });
        Assert.Equal(first.Id, again.Id);
        Assert.Equal("LLSB0000000000", again.TrackingNumber);
        Assert.Equal(1UL, again.Version);

        var ids = new List<string> { first.Id };
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() })).Id);
        }
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListShipmentsAsync(new ListShipmentsRequest { PageSize = 3, PageToken = token });
            Assert.True(page.Shipments.Count <= 3);
            seen.AddRange(page.Shipments.Select(s => s.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(ids, seen);
    }

    private static async Task AssertField(string field, Task call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(BadRequestOf(error).FieldViolations, v => v.Field == field);
    }

    private static BadRequest BadRequestOf(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>() ?? throw new Xunit.Sdk.XunitException("No google.rpc.BadRequest detail.");
}
