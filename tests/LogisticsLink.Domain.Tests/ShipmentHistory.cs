using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Domain.Tests;

/// <summary>
/// Plays the store's part around the pure <see cref="Tracker"/>: keeps the current state and the stored event history,
/// and feeds both back into the next call, the way the real refresh path does. Time is driven by a
/// <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class ShipmentHistory
{
    private readonly List<TrackingEvent> _events = [];

    private ShipmentHistory(ShipmentState state, FakeTimeProvider clock, TrackerRules rules)
    {
        State = state;
        Clock = clock;
        Rules = rules;
    }

    public ShipmentState State { get; private set; }

    public FakeTimeProvider Clock { get; }

    public TrackerRules Rules { get; }

    /// <summary>Every stored event, in the order it was stored.</summary>
    public IReadOnlyList<TrackingEvent> Events => _events;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A shipment registered at <see cref="Times.T0"/>.</summary>
    public static ShipmentHistory Registered(TrackerRules? rules = null)
    {
        var clock = new FakeTimeProvider(Times.T0);
        return new ShipmentHistory(Shipment.Register(clock.GetUtcNow()).State, clock, rules ?? TrackerRules.Default);
    }

    /// <summary>A registered shipment that has already taken in <paramref name="events"/> (at the newest event's time + 1 minute).</summary>
    public static ShipmentHistory WithEvents(params TrackingEvent[] events)
    {
        var history = Registered();
        history.At(events.Max(e => e.OccurredAt).AddMinutes(1)).Apply(events);
        return history;
    }

    /// <summary>Moves the clock to <paramref name="instant"/> (never backwards).</summary>
    public ShipmentHistory At(DateTimeOffset instant)
    {
        Clock.SetUtcNow(instant);
        return this;
    }

    public ShipmentHistory After(TimeSpan delay)
    {
        Clock.Advance(delay);
        return this;
    }

    public ShipmentChangeSet Apply(CarrierSnapshot snapshot) =>
        Keep(Tracker.Apply(State, _events, snapshot, Now, Rules));

    public ShipmentChangeSet Apply(params TrackingEvent[] events) => Apply(Snapshot.WithEvents(events));

    public ShipmentChangeSet FailRefresh() => Keep(Tracker.MarkRefreshFailed(State, Now, Rules));

    public ShipmentChangeSet UpdateDetails(OrderLink? order, IReadOnlyDictionary<string, string>? labels) =>
        Keep(Tracker.UpdateDetails(State, order, labels, Now, Rules));

    private ShipmentChangeSet Keep(ShipmentChangeSet result)
    {
        State = result.State;
        _events.AddRange(result.AddedEvents);
        return result;
    }
}
