using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Server.Tests.Tracking;

/// <summary>
/// TrackShipment is idempotent: registering a parcel again with nothing new commits nothing, and its risks are judged
/// with the configured <c>Risks:*</c> thresholds, not the defaults.
/// </summary>
public sealed class RegisterAgainTests
{
    private const string Tenant = "tenant-a";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Registering_again_under_a_longer_configured_stall_limit_changes_nothing()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await FakeClockServer.StartAsync(clock,
            new Dictionary<string, string> { ["Risks:StalledInTransit"] = "96:00:00", ["Scheduler:Enabled"] = "false" });
        var tracker = server.Get<ShipmentTracker>();
        var number = Numbers.Sandbox();
        var registered = await tracker.RegisterAsync(Tenant, "sandbox", number, OrderLink.None, ShipmentState.EmptyLabels, byCaller: true, CancellationToken.None);
        var inTransit = await tracker.ApplyPushedAsync(registered, Scan(TrackingStatus.InTransit, Start), CancellationToken.None);
        // 50 h without a scan: stalled by the default 48 h, within the configured 96 h.
        clock.Advance(TimeSpan.FromHours(50));

        var again = await tracker.RegisterAsync(Tenant, "sandbox", number, OrderLink.None, ShipmentState.EmptyLabels, byCaller: true, CancellationToken.None);

        Assert.Empty(again.State.Risks);
        Assert.Equal(inTransit.Revision, again.Revision);
        Assert.Equal(inTransit.State.Version, again.State.Version);
    }

    private static CarrierSnapshot Scan(TrackingStatus status, DateTimeOffset at) =>
        new(null, [new TrackingEvent(at, status, "", status.ToString(), "X", TrackingLocation.Unknown, "", at)]);
}
