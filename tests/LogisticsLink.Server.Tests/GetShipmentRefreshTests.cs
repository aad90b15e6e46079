using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests;

/// <summary>GetShipment with max_age: single-flight refreshes and invariant 5 (degrade, don't break).</summary>
public sealed class GetShipmentRefreshTests
{
    private readonly ArrivalCounter _arrivals = new();

    private async Task<(TestServer Server, ScriptedCarrier Carrier)> StartAsync(string refreshWait = "00:00:05", Action<IServiceCollection>? services = null)
    {
        var carrier = new ScriptedCarrier();
        var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false", ["Tracking:RefreshWait"] = refreshWait },
            services: s =>
            {
                services?.Invoke(s);
                s.AddSingleton<ICarrierClient>(carrier);
                s.Configure<Grpc.AspNetCore.Server.GrpcServiceOptions>(o => o.Interceptors.Add(typeof(ArrivalCounter)));
                s.AddSingleton(_arrivals);
            });
        return (server, carrier);
    }

    [Fact]
    public async Task Concurrent_reads_with_max_age_zero_make_one_carrier_call()
    {
        var (server, carrier) = await StartAsync();
        await using var _ = server;
        var client = server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });

        carrier.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = Enumerable.Range(0, 1000).Select(_ => client.GetShipmentAsync(new GetShipmentRequest
        {
            ShipmentId = shipment.Id, MaxAge = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.Zero),
        }).ResponseAsync).ToList();
        await Eventually.UntilAsync(() => _arrivals.Arrived >= 1001 && carrier.Calls >= 1, "every read reached the server");
        carrier.Gate.SetResult();
        var answers = await Task.WhenAll(reads);

        Assert.Equal(1, carrier.Calls);
        Assert.All(answers, a => Assert.Equal(ShipmentStatus.InTransit, a.Status));
        Assert.All(answers, a => Assert.Single(a.Events));
    }

    [Fact]
    public async Task A_carrier_whose_daily_quota_is_spent_keeps_the_parcel_stale_and_is_asked_again_after_the_reset()
    {
        var (server, carrier) = await StartAsync();
        await using var _ = server;
        var tracked = await server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        var tracker = server.Get<ShipmentTracker>();
        var copy = (await server.Get<IShipmentStore>().FindAsync("tenant-a", tracked.Id, CancellationToken.None))!;
        var moving = await tracker.RefreshAsync(copy);
        var reset = server.Get<TimeProvider>().GetUtcNow().AddHours(20);
        carrier.ThrottledUntil = reset;

        var throttled = (await tracker.RefreshAsync(moving)).State;

        Assert.Equal(moving.State.Status, throttled.Status); // the last known state stays
        Assert.True(throttled.Stale);
        Assert.Equal(1, throttled.ConsecutiveFailures);
        Assert.True(throttled.NextCheckAt >= reset, $"next check {throttled.NextCheckAt:O} is before the reset {reset:O}");
    }

    [Fact]
    public async Task A_caller_joining_a_refresh_that_accepts_an_older_check_gets_one_fresh_enough_for_itself()
    {
        StoreHook? hook = null;
        var (server, carrier) = await StartAsync(services: s => hook = StoreHook.Install(s));
        await using var _ = server;
        var tracked = await server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        var tracker = server.Get<ShipmentTracker>();
        var uncheckedCopy = (await server.Get<IShipmentStore>().FindAsync("tenant-a", tracked.Id, CancellationToken.None))!;
        var firstCheck = (await tracker.RefreshAsync(uncheckedCopy)).State.LastCheckedAt!.Value;

        // A caller still holding the copy from before that check starts a flight that accepts it; the flight's read of
        // the latest copy is held until a caller that accepts only a newer check has joined.
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var armed = 1;
        hook!.BeforeEach(nameof(IShipmentStore.FindAsync), async args =>
        {
            if ((string)args[1]! == tracked.Id && Interlocked.Exchange(ref armed, 0) == 1)
            {
                entered.SetResult();
                await release.Task;
            }
        });
        var loose = tracker.RefreshAsync(uncheckedCopy, firstCheck);
        await entered.Task;
        var strictSince = server.Get<TimeProvider>().GetUtcNow();
        var strict = tracker.RefreshAsync(uncheckedCopy, strictSince);
        release.SetResult();

        Assert.Equal(firstCheck, (await loose).State.LastCheckedAt);
        Assert.True((await strict).State.LastCheckedAt >= strictSince, "the stricter caller got a check older than it accepts");
        Assert.Equal(2, carrier.Calls);
    }

    [Fact]
    public async Task A_failing_carrier_yields_the_last_known_state_flagged_stale()
    {
        var (server, carrier) = await StartAsync();
        await using var _ = server;
        var client = server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        var fresh = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id, MaxAge = new() });
        Assert.Equal(ShipmentStatus.InTransit, fresh.Status);
        Assert.False(fresh.Stale);

        carrier.Fail = true;
        var degraded = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id, MaxAge = new() });

        Assert.True(degraded.Stale);
        Assert.Equal(ShipmentStatus.InTransit, degraded.Status);
        Assert.Equal(fresh.LastCheckedAt, degraded.LastCheckedAt);
        Assert.Equal(fresh.Version + 1, degraded.Version);
    }

    [Fact]
    public async Task A_slow_carrier_answers_within_the_wait_from_the_last_known_state()
    {
        var (server, carrier) = await StartAsync(refreshWait: "00:00:00.200");
        await using var _ = server;
        var client = server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        carrier.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var answer = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id, MaxAge = new() });

        Assert.True(answer.Stale);
        Assert.Equal(ShipmentStatus.Pending, answer.Status);
        carrier.Gate.SetResult();
        await Eventually.UntilAsync(async () => (await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).Status == ShipmentStatus.InTransit,
            "the slow refresh landed");
    }

    [Fact]
    public async Task Cached_reads_see_every_committed_change()
    {
        var (server, _) = await StartAsync();
        await using var _ = server;
        var client = server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        var first = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(first, await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id }));

        await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784", Labels = { ["k"] = "v" } });
        var afterLabels = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        var refreshed = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id, MaxAge = new() });
        var afterRefresh = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });

        Assert.Equal("v", afterLabels.Labels["k"]);
        Assert.Equal(first.Version + 1, afterLabels.Version);
        Assert.Equal(ShipmentStatus.InTransit, afterRefresh.Status);
        Assert.Equal(refreshed.Version, afterRefresh.Version);
        Assert.Single(afterRefresh.Events);
    }
}
