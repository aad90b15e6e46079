using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using LogisticsLink.Bench.Seeding;
using LogisticsLink.Domain.Scheduling;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Mapping;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Storage;

namespace LogisticsLink.Bench.Micro;

/// <summary>
/// The pure code on every refresh and every delivered change: applying a carrier snapshot (de-duplication, status
/// rules), scheduling the next check, mapping a change to its log payload, and turning a log row back into a message.
/// </summary>
[MemoryDiagnoser]
public class TrackerBenchmarks
{
    private ShipmentState _state = null!;
    private IReadOnlyList<TrackingEvent> _known = null!;
    private CarrierSnapshot _nothingNew = null!;
    private CarrierSnapshot _oneNewScan = null!;
    private ShipmentChangeSet _change = null!;
    private ChangeRecord _record = null!;
    private readonly RefreshIntervals _intervals = new();
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.UtcNow;
        var seeded = SeedData.WithHistory(1, "ups", SeedData.UpsNumber(1), eventCount: 10, _now.AddMinutes(-30));
        _state = seeded.State;
        _known = seeded.Events;
        // The carrier resends its full history, each scan without our ingestion time, oldest first as many do.
        var resent = _known.Select(e => e with { IngestedAt = default }).Reverse().ToList();
        _nothingNew = new CarrierSnapshot(null, resent);
        var newest = resent[^1];
        _oneNewScan = new CarrierSnapshot(null, [.. resent, newest with
        {
            OccurredAt = newest.OccurredAt.AddMinutes(20),
            Status = TrackingStatus.OutForDelivery,
            StatusDetail = "out_for_delivery.on_vehicle",
            Description = "Out for delivery",
            RawCode = "OD",
        }]);
        _change = Tracker.Apply(_state, _known, _oneNewScan, _now, TrackerRules.Default);
        var payload = ShipmentMapper.ToChange(_change).ToByteArray();
        var s = _change.State;
        _record = new ChangeRecord(42, s.TenantId, s.Id, _change.Kinds, _change.PreviousStatus, s.Status, s.Version, s.UpdatedAt, payload);
    }

    [Benchmark(Description = "Tracker.Apply, 10 known scans, nothing new")]
    public ShipmentChangeSet ApplyNothingNew() => Tracker.Apply(_state, _known, _nothingNew, _now, TrackerRules.Default);

    [Benchmark(Description = "Tracker.Apply, 10 known scans, 1 new (status change)")]
    public ShipmentChangeSet ApplyOneNewScan() => Tracker.Apply(_state, _known, _oneNewScan, _now, TrackerRules.Default);

    [Benchmark(Description = "RefreshSchedule.NextCheck")]
    public DateTimeOffset? NextCheck() => RefreshSchedule.NextCheck(_change.State, _now, _intervals, 0.5);

    [Benchmark(Description = "ShipmentMapper.ToChange + serialize (log payload)")]
    public byte[] MapChange() => ShipmentMapper.ToChange(_change).ToByteArray();

    [Benchmark(Description = "ChangeMessages.ToUpdate (log row to stream message)")]
    public object ParseLogRow() => ChangeMessages.ToUpdate(_record);
}
