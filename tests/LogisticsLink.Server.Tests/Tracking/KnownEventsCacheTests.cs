using LogisticsLink.Domain.Tracking;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tests.Tracking;

/// <summary>
/// A refresh applies the carrier's answer against what the tracker's last commit left stored, without reading the
/// stored keys back (Tracking:KnownEventsCacheSize); once anyone else stored scans, it reads them, so no scan is counted
/// twice or missed.
/// </summary>
public sealed class KnownEventsCacheTests
{
    private const string Tenant = "tenant-a";
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly TrackingEvent First = Scan(Day, "Louisville");
    private static readonly TrackingEvent Second = Scan(Day.AddHours(5), "Memphis");
    private static readonly TrackingEvent Third = Scan(Day.AddHours(9), "Atlanta");

    [Theory]
    [InlineData(null, 1)]
    [InlineData("0", 3)]
    public async Task Snapshots_after_the_trackers_own_commits_are_applied_without_reading_the_keys_back(string? cacheSize, int expectedReads)
    {
        var (server, reads) = await StartAsync(cacheSize);
        await using var _ = server;
        var tracker = server.Get<ShipmentTracker>();
        var shipment = await RegisterAsync(tracker);

        shipment = await tracker.ApplyPushedAsync(shipment, Snapshot(First), CancellationToken.None);
        shipment = await tracker.ApplyPushedAsync(shipment, Snapshot(Second, First), CancellationToken.None);
        shipment = await tracker.ApplyPushedAsync(shipment, Snapshot(Third, Second, First), CancellationToken.None);

        Assert.Equal(expectedReads, reads.Count);
        Assert.Equal([Third, Second, First], await StoredAsync(server, shipment));
        Assert.Equal([["Louisville"], ["Memphis"], ["Atlanta"]], await AddedPerChangeAsync(server, shipment));
    }

    [Fact]
    public async Task Scans_another_writer_stored_meanwhile_are_read_and_not_counted_again()
    {
        var (server, reads) = await StartAsync(cacheSize: null);
        await using var _ = server;
        var tracker = server.Get<ShipmentTracker>();
        var shipment = await tracker.ApplyPushedAsync(await RegisterAsync(tracker), Snapshot(First), CancellationToken.None);
        // Another node: the same store, a cache of its own.
        var otherNode = OtherNode(server);
        shipment = await otherNode.ApplyPushedAsync(shipment, Snapshot(Second, First), CancellationToken.None);
        var readsBefore = reads.Count;

        shipment = await tracker.ApplyPushedAsync(shipment, Snapshot(Third, Second, First), CancellationToken.None);

        Assert.Equal(readsBefore + 1, reads.Count);
        Assert.Equal([Third, Second, First], await StoredAsync(server, shipment));
        Assert.Equal([["Louisville"], ["Memphis"], ["Atlanta"]], await AddedPerChangeAsync(server, shipment));
    }

    [Fact]
    public async Task A_tracker_applying_to_an_old_copy_reads_again_when_its_commit_is_refused()
    {
        var (server, reads) = await StartAsync(cacheSize: null);
        await using var _ = server;
        var tracker = server.Get<ShipmentTracker>();
        var old = await tracker.ApplyPushedAsync(await RegisterAsync(tracker), Snapshot(First), CancellationToken.None);
        await OtherNode(server).ApplyPushedAsync(old, Snapshot(Second, First), CancellationToken.None);

        // The copy matches what this tracker remembers, so it applies without reading; the commit finds the shipment
        // changed, and the retry reads what is stored now.
        var shipment = await tracker.ApplyPushedAsync(old, Snapshot(Third, Second, First), CancellationToken.None);

        Assert.Equal(3, reads.Count);
        Assert.Equal([Third, Second, First], await StoredAsync(server, shipment));
        Assert.Equal([["Louisville"], ["Memphis"], ["Atlanta"]], await AddedPerChangeAsync(server, shipment));
    }

    [Fact]
    public async Task A_parcel_no_longer_polled_is_forgotten_and_read_again_if_news_still_comes()
    {
        var (server, reads) = await StartAsync(cacheSize: null);
        await using var _ = server;
        var tracker = server.Get<ShipmentTracker>();
        var shipment = await tracker.ApplyPushedAsync(await RegisterAsync(tracker), Snapshot(First), CancellationToken.None);
        var delivered = Scan(Day.AddHours(20), "Atlanta") with { Status = TrackingStatus.Delivered };

        shipment = await tracker.ApplyPushedAsync(shipment, Snapshot(delivered, First), CancellationToken.None);
        var readsWhileMoving = reads.Count;
        shipment = await tracker.ApplyPushedAsync(shipment, Snapshot(Second, delivered, First), CancellationToken.None);

        Assert.Equal(1, readsWhileMoving);
        Assert.Equal(2, reads.Count);
        Assert.Equal([delivered, Second, First], await StoredAsync(server, shipment));
    }

    private sealed class ReadCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private static async Task<(TestServer Server, ReadCounter Reads)> StartAsync(string? cacheSize)
    {
        var reads = new ReadCounter();
        var settings = new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" };
        if (cacheSize is not null)
        {
            settings["Tracking:KnownEventsCacheSize"] = cacheSize;
        }
        var server = await TestServer.StartAsync(settings: settings, services: s =>
            StoreHook.Install(s).BeforeEach(nameof(IShipmentStore.GetKnownEventsAsync), _ =>
            {
                reads.Add();
                return Task.CompletedTask;
            }));
        return (server, reads);
    }

    private static ShipmentTracker OtherNode(TestServer server) =>
        ActivatorUtilities.CreateInstance<ShipmentTracker>(server.Services,
            new KnownEventsCache(Options.Create(new TrackingOptions { KnownEventsCacheSize = 0 })));

    private static Task<StoredShipment> RegisterAsync(ShipmentTracker tracker) =>
        tracker.RegisterAsync(Tenant, "ups", "1Z999AA10123456784", OrderLink.None, ShipmentState.EmptyLabels, byCaller: true, CancellationToken.None);

    private static async Task<IReadOnlyList<TrackingEvent>> StoredAsync(TestServer server, StoredShipment shipment) =>
        (await server.Get<IShipmentStore>().GetEventsAsync(shipment.State.Id, CancellationToken.None))
            .Select(e => e with { IngestedAt = default }).ToList();

    /// <summary>The places of the scans each logged change of the shipment added, oldest change first.</summary>
    private static async Task<List<string[]>> AddedPerChangeAsync(TestServer server, StoredShipment shipment)
    {
        var changes = await server.Get<IShipmentStore>().ReadChangesAsync(
            new ChangeQuery(Tenant, [shipment.State.Id], []), 0, 100, CancellationToken.None);
        return changes
            .Select(c => V1.ShipmentChange.Parser.ParseFrom(c.Payload).Shipment.Events.Select(e => e.Location.City).ToArray())
            .Where(cities => cities.Length > 0)
            .ToList();
    }

    private static CarrierSnapshot Snapshot(params TrackingEvent[] events) => new(null, events);

    private static TrackingEvent Scan(DateTimeOffset at, string city) =>
        new(at, TrackingStatus.InTransit, "in_transit.departed", "Departed facility", "DP", new TrackingLocation(city, "", "", "US"), ShipmentTracker.PushSource, default);
}
