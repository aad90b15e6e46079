using LogisticsLink.Domain.Scheduling;
using LogisticsLink.Domain.Shipments;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>When a shipment is next asked about (DESIGN.md §8).</summary>
public sealed class RefreshScheduleTests
{
    /// <summary>With unit = 0.5 the jitter term is exactly zero, so the raw interval can be read off.</summary>
    private const double NoJitter = 0.5;

    private static readonly RefreshIntervals Defaults = new();

    private static TimeSpan? Wait(ShipmentState state, DateTimeOffset now, double unit = NoJitter, TimeSpan? carrierCadence = null,
        RefreshIntervals? intervals = null) =>
        RefreshSchedule.NextCheck(state, now, intervals ?? Defaults, unit, carrierCadence) - now;

    [Theory]
    [InlineData(TrackingStatus.Delivered)]
    [InlineData(TrackingStatus.Returned)]
    [InlineData(TrackingStatus.Lost)]
    [InlineData(TrackingStatus.Cancelled)]
    [InlineData(TrackingStatus.Expired)]
    public void A_terminal_shipment_is_never_polled_again(TrackingStatus status)
    {
        var state = Shipment.InStatus(status, lastCheckedAt: Hours(5));

        Assert.Null(RefreshSchedule.NextCheck(state, Hours(5), Defaults, NoJitter));
        Assert.Null(RefreshSchedule.NextCheck(state with { ConsecutiveFailures = 3 }, Hours(5), Defaults, NoJitter, TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(TrackingStatus.InfoReceived, 4 * 60)]
    [InlineData(TrackingStatus.InTransit, 2 * 60)]
    [InlineData(TrackingStatus.OutForDelivery, 20)]
    [InlineData(TrackingStatus.AttemptFailed, 60)]
    [InlineData(TrackingStatus.Exception, 60)]
    [InlineData(TrackingStatus.AvailableForPickup, 4 * 60)]
    [InlineData(TrackingStatus.Returning, 4 * 60)]
    public void Each_active_status_has_its_default_interval(TrackingStatus status, int minutes)
    {
        var state = Shipment.InStatus(status, lastCheckedAt: Hours(5));

        Assert.Equal(TimeSpan.FromMinutes(minutes), Wait(state, Hours(5)));
    }

    [Fact]
    public void Intervals_are_configurable()
    {
        var intervals = new RefreshIntervals { InTransit = TimeSpan.FromMinutes(45), OutForDelivery = TimeSpan.FromMinutes(5) };

        Assert.Equal(TimeSpan.FromMinutes(45), Wait(Shipment.InStatus(TrackingStatus.InTransit), Hours(1), intervals: intervals));
        Assert.Equal(TimeSpan.FromMinutes(5), Wait(Shipment.InStatus(TrackingStatus.OutForDelivery), Hours(1), intervals: intervals));
    }

    [Fact]
    public void A_carrier_that_cannot_be_asked_before_a_time_is_not_checked_before_it()
    {
        var state = Shipment.InStatus(TrackingStatus.InTransit, lastCheckedAt: Hours(5)) with { ConsecutiveFailures = 1 };
        var reset = Hours(14);

        Assert.Equal(reset, RefreshSchedule.NextCheck(state, Hours(5), Defaults, NoJitter, notBefore: reset));
        // A "not before" already past changes nothing.
        Assert.Equal(RefreshSchedule.NextCheck(state, Hours(5), Defaults, NoJitter),
            RefreshSchedule.NextCheck(state, Hours(5), Defaults, NoJitter, notBefore: Hours(5)));
        Assert.Null(RefreshSchedule.NextCheck(state with { Status = TrackingStatus.Delivered }, Hours(5), Defaults, NoJitter, notBefore: reset));
    }

    [Fact]
    public void The_next_check_is_counted_from_now()
    {
        var state = Shipment.InStatus(TrackingStatus.InTransit, lastCheckedAt: Hours(1));

        Assert.Equal(Hours(7), RefreshSchedule.NextCheck(state, Hours(5), Defaults, NoJitter));
    }

    [Fact]
    public void Jitter_at_unit_zero_shortens_the_interval_by_the_jitter_fraction()
    {
        var state = Shipment.InStatus(TrackingStatus.InTransit);

        var wait = Wait(state, Hours(1), unit: 0)!.Value;

        // 2 h × (1 − 0.1) = 108 min, to within floating-point rounding.
        AssertClose(TimeSpan.FromMinutes(108), wait);
        Assert.True(wait >= TimeSpan.FromMinutes(108) - TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Jitter_at_unit_0_999_lengthens_the_interval_by_almost_the_jitter_fraction()
    {
        var state = Shipment.InStatus(TrackingStatus.InTransit);

        var wait = Wait(state, Hours(1), unit: 0.999)!.Value;

        // 2 h × (1 + 0.1 × 0.998) = 131.976 min, just under the 132 min bound.
        AssertClose(TimeSpan.FromMinutes(131.976), wait);
        Assert.True(wait < TimeSpan.FromMinutes(132));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(0.999)]
    public void Jitter_stays_within_the_configured_fraction(double unit)
    {
        var intervals = new RefreshIntervals { Jitter = 0.5 };
        var state = Shipment.InStatus(TrackingStatus.OutForDelivery);

        var wait = Wait(state, Hours(1), unit, intervals: intervals)!.Value;

        Assert.InRange(wait, TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void Without_jitter_the_unit_does_not_matter()
    {
        var intervals = new RefreshIntervals { Jitter = 0 };
        var state = Shipment.InStatus(TrackingStatus.InTransit);

        Assert.Equal(TimeSpan.FromHours(2), Wait(state, Hours(1), unit: 0, intervals: intervals));
        Assert.Equal(TimeSpan.FromHours(2), Wait(state, Hours(1), unit: 0.999, intervals: intervals));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(8, 60)]
    [InlineData(1000, 60)]
    [InlineData(int.MaxValue, 60)]
    public void Failures_back_off_by_doubling_up_to_the_cap(int failures, int minutes)
    {
        var state = Shipment.InStatus(TrackingStatus.InTransit, consecutiveFailures: failures);

        Assert.Equal(TimeSpan.FromMinutes(minutes), Wait(state, Hours(1)));
    }

    [Fact]
    public void Failure_back_off_replaces_the_status_interval_even_when_that_is_shorter()
    {
        var outForDelivery = Shipment.InStatus(TrackingStatus.OutForDelivery, consecutiveFailures: 7);

        Assert.Equal(TimeSpan.FromHours(1), Wait(outForDelivery, Hours(1)));
    }

    [Fact]
    public void Failure_back_off_applies_to_unknown_numbers_too()
    {
        var pending = Shipment.InStatus(TrackingStatus.Pending, consecutiveFailures: 2);

        Assert.Equal(TimeSpan.FromMinutes(2), Wait(pending, Minutes(1)));
    }

    /// <summary>
    /// 15 min, then doubling: checks at 0, 15, 45, 105, 225, 465 min after registration, then every 6 h.
    /// The step is derived from the age at the last check, so no counter is stored.
    /// </summary>
    [Theory]
    [InlineData(null, 15)]
    [InlineData(0.0, 15)]
    [InlineData(10.0, 15)]
    [InlineData(15.0, 30)]
    [InlineData(30.0, 30)]
    [InlineData(45.0, 60)]
    [InlineData(105.0, 120)]
    [InlineData(225.0, 240)]
    [InlineData(465.0, 360)]
    [InlineData(60.0 * 24 * 20, 360)]
    public void Unknown_numbers_back_off_with_age_up_to_the_cap(double? ageAtLastCheckMinutes, int expectedMinutes)
    {
        var lastChecked = ageAtLastCheckMinutes is { } age ? Minutes(age) : (DateTimeOffset?)null;
        var pending = Shipment.InStatus(TrackingStatus.Pending, createdAt: T0, lastCheckedAt: lastChecked);
        var notFound = pending with { Status = TrackingStatus.NotFound };
        var now = lastChecked ?? T0;

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Wait(pending, now));
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Wait(notFound, now));
    }

    [Fact]
    public void Unknown_back_off_never_shrinks_as_the_number_gets_older()
    {
        var previous = TimeSpan.Zero;
        for (var age = TimeSpan.Zero; age <= TimeSpan.FromDays(3); age += TimeSpan.FromMinutes(7))
        {
            var state = Shipment.InStatus(TrackingStatus.NotFound, createdAt: T0, lastCheckedAt: T0 + age);

            var wait = Wait(state, T0 + age)!.Value;

            Assert.True(wait >= previous, $"at age {age} the wait {wait} is shorter than the previous {previous}");
            Assert.InRange(wait, Defaults.UnknownInitial, Defaults.UnknownMax);
            previous = wait;
        }
        Assert.Equal(Defaults.UnknownMax, previous);
    }

    [Fact]
    public void Unknown_back_off_follows_configured_bounds()
    {
        var intervals = new RefreshIntervals { UnknownInitial = TimeSpan.FromMinutes(10), UnknownMax = TimeSpan.FromMinutes(25) };

        Assert.Equal(TimeSpan.FromMinutes(10), Wait(Shipment.InStatus(TrackingStatus.Pending), T0, intervals: intervals));
        Assert.Equal(TimeSpan.FromMinutes(20),
            Wait(Shipment.InStatus(TrackingStatus.Pending, lastCheckedAt: Minutes(10)), Minutes(10), intervals: intervals));
        Assert.Equal(TimeSpan.FromMinutes(25),
            Wait(Shipment.InStatus(TrackingStatus.Pending, lastCheckedAt: Minutes(30)), Minutes(30), intervals: intervals));
    }

    [Fact]
    public void A_shorter_carrier_cadence_wins_over_the_status_interval()
    {
        var state = Shipment.InStatus(TrackingStatus.InTransit);

        Assert.Equal(TimeSpan.FromMinutes(5), Wait(state, Hours(1), carrierCadence: TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_longer_carrier_cadence_does_not_slow_polling_down()
    {
        var state = Shipment.InStatus(TrackingStatus.OutForDelivery);

        Assert.Equal(TimeSpan.FromMinutes(20), Wait(state, Hours(1), carrierCadence: TimeSpan.FromHours(3)));
    }

    [Fact]
    public void A_shorter_carrier_cadence_is_jittered_like_any_interval()
    {
        var state = Shipment.InStatus(TrackingStatus.InTransit);

        var wait = Wait(state, Hours(1), unit: 0, carrierCadence: TimeSpan.FromMinutes(10))!.Value;

        AssertClose(TimeSpan.FromMinutes(9), wait);
    }

    private static void AssertClose(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected - TimeSpan.FromMilliseconds(1), expected + TimeSpan.FromMilliseconds(1));
}
