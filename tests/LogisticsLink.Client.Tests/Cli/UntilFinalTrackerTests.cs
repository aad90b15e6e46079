using LogisticsLink.Cli.Commands;
using LogisticsLink.Client.Tests.Fakes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Cli;

public sealed class UntilFinalTrackerTests
{
    [Fact]
    public void Done_when_every_given_id_is_terminal()
    {
        var tracker = new UntilFinalTracker(["a", "b"]);
        Assert.False(tracker.IsDone);

        tracker.Observe(Updates.Change(1, "a", 2, ShipmentStatus.Delivered));
        Assert.False(tracker.IsDone);
        tracker.Observe(Updates.Change(2, "other", 2, ShipmentStatus.Lost));
        Assert.False(tracker.IsDone);
        tracker.Observe(Updates.Change(3, "b", 5, ShipmentStatus.Returned));
        Assert.True(tracker.IsDone);
    }

    [Fact]
    public void An_older_version_does_not_undo_a_newer_terminal_status()
    {
        var tracker = new UntilFinalTracker(["a"]);
        tracker.Observe(new Shipment { Id = "a", Version = 4, Status = ShipmentStatus.Delivered });

        tracker.Observe(Updates.Change(1, "a", 3, ShipmentStatus.InTransit, ChangeKind.Snapshot));

        Assert.True(tracker.IsDone);
    }

    [Fact]
    public void Without_ids_the_snapshot_defines_the_set_and_must_complete_first()
    {
        var tracker = new UntilFinalTracker([]);
        tracker.Observe(Updates.Change(5, "a", 2, ShipmentStatus.Delivered, ChangeKind.Snapshot));
        tracker.Observe(Updates.Change(3, "b", 1, ShipmentStatus.InTransit, ChangeKind.Snapshot));
        Assert.False(tracker.IsDone);

        tracker.Observe(Updates.Heartbeat(5));
        Assert.False(tracker.IsDone);
        Assert.Equal(2, tracker.Count);

        // Registered after the snapshot: not one of the watched shipments.
        tracker.Observe(Updates.Change(6, "c", 1, ShipmentStatus.Pending, ChangeKind.Created));
        tracker.Observe(Updates.Change(7, "b", 2, ShipmentStatus.Delivered));
        Assert.True(tracker.IsDone);
    }

    [Fact]
    public void An_empty_snapshot_is_done_once_it_completes()
    {
        var tracker = new UntilFinalTracker([]);
        Assert.False(tracker.IsDone);

        tracker.Observe(Updates.Heartbeat(10));

        Assert.True(tracker.IsDone);
        Assert.Equal(0, tracker.Count);
    }
}
