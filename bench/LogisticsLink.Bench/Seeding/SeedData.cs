using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Bench.Hosting;
using LogisticsLink.Domain.Scheduling;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Mapping;

namespace LogisticsLink.Bench.Seeding;

/// <summary>
/// Realistic rows made by the server's own pure code (<see cref="Tracker"/>, <see cref="RefreshSchedule"/>,
/// <see cref="ShipmentMapper"/>), so a bulk-loaded database looks exactly like one filled through the write path.
/// </summary>
public static class SeedData
{
    private static readonly RefreshIntervals Defaults = new();

    /// <summary>Sandbox number ending in 0 (normal delivery): LLSB + 9 digits of <paramref name="index"/> + 0.</summary>
    public static string SandboxNumber(int index) => $"LLSB{index:D9}0";

    public static string UpsNumber(int index) => $"1ZBENCH{index:D11}";

    public static string ShipmentId(int index) => $"shp_bench{index:D27}";

    /// <summary>A shipment registered <paramref name="eventCount"/> hours ago that received that many scans since.</summary>
    public static SeedShipment WithHistory(int index, string carrier, string number, int eventCount, DateTimeOffset now)
    {
        var created = now.AddHours(-eventCount - 1);
        var registered = Tracker.Register(
            ShipmentId(index), ServerSettings.Tenant, carrier, number,
            new OrderLink("shopify", $"#{100000 + index}"), new Dictionary<string, string> { ["sku"] = $"SKU-{index % 97}" }, created);
        if (eventCount == 0)
        {
            return new SeedShipment(registered.State, []);
        }
        var scans = Enumerable.Range(0, eventCount).Select(i => new TrackingEvent(
            created.AddHours(i + 1),
            i == 0 ? TrackingStatus.InfoReceived : TrackingStatus.InTransit,
            i == 0 ? "info_received.label_created" : "in_transit.departed_facility",
            i == 0 ? "Shipment information received" : $"Departed facility {i}",
            i == 0 ? "MP" : $"DP{i}",
            new TrackingLocation($"City {i}", "", $"{20000 + i}", "DE"),
            carrier,
            default)).ToList();
        var applied = Tracker.Apply(registered.State, [], new CarrierSnapshot(null, scans), now, TrackerRules.Default);
        var state = applied.State with { NextCheckAt = RefreshSchedule.NextCheck(applied.State, now, Defaults, 0.5) };
        return new SeedShipment(state, applied.AddedEvents);
    }

    /// <summary>
    /// A shipment as a running system holds it: a status drawn from a typical mix, last checked some time ago, and its
    /// next check spread over the default interval for that status, with about one minute's worth already overdue.
    /// </summary>
    public static SeedShipment ForSchedule(int index, DateTimeOffset now, Random random)
    {
        var roll = random.NextDouble();
        var status = roll switch
        {
            < 0.05 => TrackingStatus.Pending,
            < 0.20 => TrackingStatus.InfoReceived,
            < 0.65 => TrackingStatus.InTransit,
            < 0.70 => TrackingStatus.OutForDelivery,
            < 0.73 => TrackingStatus.Exception,
            < 0.75 => TrackingStatus.AvailableForPickup,
            _ => TrackingStatus.Delivered,
        };
        var created = now.AddDays(-3);
        var state = Tracker.Register(ShipmentId(index), ServerSettings.Tenant, "ups", UpsNumber(index), OrderLink.None,
            ShipmentState.EmptyLabels, created).State with
        {
            Status = status,
            LastCheckedAt = created,
            LastEventAt = created.AddHours(1),
            DeliveredAt = status == TrackingStatus.Delivered ? now.AddHours(-random.Next(1, 48)) : null,
        };
        // The schedule's own interval for this state (mid jitter), from the default intervals.
        var interval = RefreshSchedule.NextCheck(state, now, Defaults, 0.5) - now;
        var overdue = TimeSpan.FromMinutes(1);
        DateTimeOffset? next = interval is { } i ? now - overdue + (i + overdue) * random.NextDouble() : null;
        return new SeedShipment(state with { NextCheckAt = next, LastCheckedAt = next is { } n && interval is { } iv ? n - iv : now }, []);
    }

    /// <summary>
    /// <paramref name="count"/> change-log rows spread round-robin over <paramref name="shipments"/>: each one a real
    /// "one scan added" change, mapped by <see cref="ShipmentMapper"/>, with its own version and commit time.
    /// </summary>
    public static IEnumerable<SeedChange> Changes(IReadOnlyList<SeedShipment> shipments, int count, DateTimeOffset lastCommittedAt)
    {
        var templates = shipments.Select(s => ShipmentMapper.ToChange(new ShipmentChangeSet(
            s.State, s.Events.Take(1).ToList(), ChangeKinds.EventsAdded, s.State.Status))).ToArray();
        for (var i = 0; i < count; i++)
        {
            var k = i % shipments.Count;
            var change = templates[k];
            var state = shipments[k].State;
            var version = state.Version + 1 + i / shipments.Count;
            var committedAt = lastCommittedAt.AddTicks(-(count - i) * TimeSpan.TicksPerMillisecond / 10);
            change.Shipment.Version = (ulong)version;
            change.CommittedAt = Timestamp.FromDateTimeOffset(committedAt);
            yield return new SeedChange(
                state.TenantId, state.Id, ChangeKinds.EventsAdded, state.Status, state.Status, version, committedAt, change.ToByteArray());
        }
    }
}
