using Grpc.Core;
using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogisticsLink.Server.Tests;

/// <summary>
/// Invariant 5 (degrade, don't break) at the edges of an on-demand refresh: a caller's deadline shorter than
/// Tracking:RefreshWait, a server stopping mid-refresh, and a refresh whose commit fails all answer the last known state,
/// flagged stale, instead of an error.
/// </summary>
[Collection(nameof(DeadlineTimed))]
public sealed class RefreshDegradeTests
{
    private static async Task<(TestServer Server, ScriptedCarrier Carrier, StoreHook Hook)> StartAsync()
    {
        var carrier = new ScriptedCarrier();
        StoreHook? hook = null;
        var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false", ["Tracking:RefreshWait"] = "00:00:30" },
            services: s =>
            {
                hook = StoreHook.Install(s);
                s.AddSingleton<ICarrierClient>(carrier);
            });
        return (server, carrier, hook!);
    }

    private static GetShipmentRequest Fresh(string id) => new() { ShipmentId = id, MaxAge = new() };

    [Fact]
    public async Task A_caller_deadline_shorter_than_the_refresh_wait_gets_the_stale_state_before_it()
    {
        var (server, carrier, _) = await StartAsync();
        await using var _ = server;
        var client = server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        carrier.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var answer = await client.GetShipmentAsync(Fresh(shipment.Id), deadline: DateTime.UtcNow.AddSeconds(3));
        carrier.Gate.SetResult();

        Assert.True(answer.Stale);
        Assert.Equal(ShipmentStatus.Pending, answer.Status);
    }

    [Fact]
    public async Task A_caller_deadline_holds_when_finding_the_shipment_took_part_of_it()
    {
        var (server, carrier, hook) = await StartAsync();
        await using var _ = server;
        var client = server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        // Timed below is the wait for the carrier within the deadline, not the server's first call of this kind.
        await client.GetShipmentAsync(Fresh(shipment.Id));
        carrier.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Get<ShipmentCache>().Invalidate(shipment.Id);
        hook.BeforeEach(nameof(IShipmentStore.FindAsync), _ => Task.Delay(SlowRead));

        var answer = await client.GetShipmentAsync(Fresh(shipment.Id), deadline: DateTime.UtcNow.Add(ShortDeadline));
        carrier.Gate.SetResult();

        Assert.True(answer.Stale);
    }

    [Fact]
    public async Task An_inquiry_keeps_the_caller_deadline_when_finding_the_parcel_took_part_of_it()
    {
        var (server, carrier, hook) = await StartAsync();
        await using var _ = server;
        await server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        // Timed below is the wait within the deadline, not the server's first inquiry (its first gRPC request and store
        // reads, which the start-up warm-up cannot do, take part of a fresh process's first call).
        await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = "1Z999AA10123456784", MaxAge = new() });
        carrier.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hook.BeforeEach(nameof(IShipmentStore.ListByNumberAsync), _ => Task.Delay(SlowRead));
        hook.BeforeEach(nameof(IShipmentStore.FindByNumberAsync), _ => Task.Delay(SlowRead));

        var answer = await server.Support().ResolveInquiryAsync(
            new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = "1Z999AA10123456784", MaxAge = new() },
            deadline: DateTime.UtcNow.Add(ShortDeadline));
        carrier.Gate.SetResult();

        Assert.True(answer.Stale);
    }

    // A read slow enough to take a good part of the caller's deadline (a busy database), before any wait for the carrier.
    // Long enough that the room the answer keeps (a fifth of the time left) outlasts a loaded CI host's scheduling.
    private static readonly TimeSpan SlowRead = TimeSpan.FromMilliseconds(1000);
    private static readonly TimeSpan ShortDeadline = TimeSpan.FromMilliseconds(4000);

    [Fact]
    public async Task A_refresh_cut_short_by_shutdown_answers_the_stale_state()
    {
        var (server, carrier, _) = await StartAsync();
        await using var _ = server;
        var client = server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        carrier.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = carrier.Calls;

        var reading = client.GetShipmentAsync(Fresh(shipment.Id)).ResponseAsync;
        await Eventually.UntilAsync(() => Task.FromResult(carrier.Calls > calls), "the refresh reached the carrier");
        server.Get<IHostApplicationLifetime>().StopApplication();
        var answer = await reading;

        Assert.True(answer.Stale);
        Assert.Equal(ShipmentStatus.Pending, answer.Status);
    }

    [Fact]
    public async Task A_refresh_whose_commit_fails_leaves_an_inquiry_answered_from_the_stored_state()
    {
        var (server, _, hook) = await StartAsync();
        await using var _ = server;
        var shipment = await server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        hook.BeforeEach(nameof(IShipmentStore.CommitAsync), _ => throw new InvalidOperationException("the disk is full"));

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", TrackingNumber = "1Z999AA10123456784", MaxAge = new(),
        });
        var lookup = await server.Client().GetShipmentAsync(Fresh(shipment.Id));

        Assert.True(answer.Stale);
        Assert.Equal(shipment.Id, Assert.Single(answer.Shipments).Id);
        Assert.True(lookup.Stale);
    }
}
