using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// The claim clock end to end over gRPC: registering a claim raises CLAIM_OPEN on the order, which a WatchShipments
/// subscriber receives as an order change in sequence; GetOrder and ListOrders show the claim and its deadline, and
/// ListOrders filters by the risk.
/// </summary>
public sealed class ClaimClockTests
{
    [Fact]
    public async Task A_registered_claim_reaches_a_subscriber_and_the_order_lists_as_a_claim_open_risk()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var claimed = AmazonId();
        var quiet = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(claimed, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        await server.Orders().UpsertOrderAsync(Order(quiet, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(1)));
        var opened = DateTimeOffset.UtcNow.AddHours(-3);
        await using var watcher = StreamCollector.Start(server.Client(), new WatchShipmentsRequest { ResumeAfterSequence = 0 });
        await watcher.WaitUntilAsync(c => c.Updates.Count > 0, "the watch is live");

        var claim = await server.Support().RegisterClaimAsync(new RegisterClaimRequest
        {
            Channel = "amazon", OrderId = claimed, Kind = "a_to_z_not_received", OpenedAt = Timestamp.FromDateTimeOffset(opened),
        });

        await watcher.WaitUntilAsync(c => c.Updates.Any(u => u.OrderChange?.Order.Risks.Any(r => r.Kind == RiskKind.ClaimOpen) == true),
            "CLAIM_OPEN on the stream");
        var update = watcher.Updates.First(u => u.OrderChange?.Order.Risks.Any(r => r.Kind == RiskKind.ClaimOpen) == true);
        var risk = update.OrderChange.Order.Risks.Single(r => r.Kind == RiskKind.ClaimOpen);
        Assert.Equal(claimed, update.OrderChange.Order.OrderId);
        Assert.True(risk.ActionRequired);
        Assert.Equal(Timestamp.FromDateTimeOffset(opened), risk.Since);
        Assert.Contains("a_to_z_not_received", risk.Reason);
        Assert.Contains($"respond by {opened.AddHours(48).UtcDateTime:yyyy-MM-dd HH:mm} UTC", risk.Reason);
        Assert.Equal(claim.RespondBy, Assert.Single(update.OrderChange.Order.Claims).RespondBy);
        var sequences = watcher.Updates.Where(u => u.Heartbeat is null).Select(u => u.Sequence).ToList();
        Assert.Equal(sequences.Order().Distinct(), sequences);

        var got = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = claimed });
        Assert.Equal(claim.ClaimId, Assert.Single(got.Claims).ClaimId);
        Assert.Equal(claim.RespondBy, got.Claims[0].RespondBy);
        var listed = await server.Orders().ListOrdersAsync(new ListOrdersRequest { RiskKinds = { RiskKind.ClaimOpen } });
        Assert.Equal(claimed, Assert.Single(listed.Orders).OrderId);
        Assert.Single(listed.Orders[0].Claims);
        var other = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = quiet });
        Assert.Empty(other.Claims);
    }

    [Fact]
    public async Task A_claim_stored_without_its_order_being_judged_again_still_shows_on_the_order()
    {
        // What a RegisterClaim cancelled between storing the claim and flagging the order leaves behind.
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        var opened = DateTimeOffset.UtcNow.AddHours(-1);
        await server.Get<LogisticsLink.Storage.ISupportStore>().SaveClaimAsync("tenant-a",
            new LogisticsLink.Domain.Support.Evidence.ClaimRecord("clm_stored_only", "amazon", orderId, "a_to_z_not_received", opened, opened.AddHours(48), opened),
            CancellationToken.None);

        var got = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = orderId });
        var listed = await server.Orders().ListOrdersAsync(new ListOrdersRequest());

        Assert.Equal("clm_stored_only", Assert.Single(got.Claims).ClaimId);
        Assert.Single(listed.Orders.Single(o => o.OrderId == orderId).Claims);
    }

    [Fact]
    public async Task A_claim_stored_without_its_flag_before_a_restart_flags_its_order_after_it()
    {
        // What a RegisterClaim leaves behind when the server stops (or the flagging fails) between storing the claim and
        // flagging the order.
        var folder = TestServer.NewDataFolder();
        var settings = new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" };
        var orderId = AmazonId();
        await using (var before = await TestServer.StartAsync(folder, settings))
        {
            await before.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
            var opened = DateTimeOffset.UtcNow.AddHours(-1);
            await before.Get<LogisticsLink.Storage.ISupportStore>().SaveClaimAsync("tenant-a",
                new LogisticsLink.Domain.Support.Evidence.ClaimRecord("clm_unflagged", "amazon", orderId, "a_to_z_not_received", opened, opened.AddHours(48), opened),
                CancellationToken.None);
            await before.StopAsync();
        }

        await using var after = await TestServer.StartAsync(folder, settings);

        await Eventually.UntilAsync(async () =>
            (await after.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = orderId })).Risks.Any(r => r.Kind == RiskKind.ClaimOpen),
            "the order is flagged CLAIM_OPEN");
        var listed = await after.Orders().ListOrdersAsync(new ListOrdersRequest { RiskKinds = { RiskKind.ClaimOpen } });
        Assert.Equal(orderId, Assert.Single(listed.Orders).OrderId);
    }

    [Fact]
    public async Task A_retried_claim_returns_the_claim_already_open_instead_of_opening_a_second()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        var request = new RegisterClaimRequest
        {
            Channel = "amazon", OrderId = orderId, Kind = "a_to_z_not_received", OpenedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-2)),
        };

        var first = await server.Support().RegisterClaimAsync(request);
        var retried = await server.Support().RegisterClaimAsync(request);
        var withoutOpenedAt = await server.Support().RegisterClaimAsync(new RegisterClaimRequest { Channel = "amazon", OrderId = orderId, Kind = "A_TO_Z_NOT_RECEIVED" });
        var order = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = orderId });

        Assert.Equal(first, retried);
        Assert.Equal(first.ClaimId, withoutOpenedAt.ClaimId);
        Assert.Equal(first.RespondBy, withoutOpenedAt.RespondBy);
        Assert.Equal(first.ClaimId, Assert.Single(order.Claims).ClaimId);
        Assert.DoesNotContain("open claims", order.Risks.Single(r => r.Kind == RiskKind.ClaimOpen).Reason);
    }

    [Fact]
    public async Task A_second_claim_keeps_the_first_since_and_counts_both()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        var first = DateTimeOffset.UtcNow.AddHours(-10);

        await server.Support().RegisterClaimAsync(new RegisterClaimRequest
        {
            Channel = "amazon", OrderId = orderId, Kind = "a_to_z_not_received", OpenedAt = Timestamp.FromDateTimeOffset(first),
        });
        await server.Support().RegisterClaimAsync(new RegisterClaimRequest { Channel = "amazon", OrderId = orderId, Kind = "chargeback" });
        var order = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = orderId });

        var risk = order.Risks.Single(r => r.Kind == RiskKind.ClaimOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(first), risk.Since);
        Assert.Contains("2 open claims", risk.Reason);
        Assert.Equal(2, order.Claims.Count);
    }
}
