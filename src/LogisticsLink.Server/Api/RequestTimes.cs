using Google.Protobuf.WellKnownTypes;

namespace LogisticsLink.Server.Api;

/// <summary>
/// Timestamps and durations of requests, checked before use: Google.Protobuf throws on a value outside its range or
/// not normalized (nanos of the wrong sign or size), which would reach the caller as an unexplained error.
/// </summary>
public static class RequestTimes
{
    /// <summary>How far ahead of our clock a caller's "when it happened" may be: its clock may run a little fast.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Any age above this already accepts every check there is; capped so that now − age stays a date.</summary>
    private static readonly TimeSpan LongestAge = TimeSpan.FromDays(36_500);

    // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range google.protobuf.Timestamp allows.
    private const long MinTimestampSeconds = -62_135_596_800, MaxTimestampSeconds = 253_402_300_799;

    /// <summary>An instant; null when absent, or invalid (a violation recorded).</summary>
    public static DateTimeOffset? Instant(Violations violations, string field, Timestamp? value)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds || value.Nanos is < 0 or > 999_999_999)
        {
            violations.Add(field, "is not a valid timestamp (between years 1 and 9999, nanos 0 to 999,999,999)");
            return null;
        }
        return value.ToDateTimeOffset();
    }

    // Orders and parcels are dated within this range: dates near the ends of the Timestamp range overflow the promise
    // arithmetic (a day added to a date-only promise, a window before `to`) and only come from bugs or placeholders.
    private static readonly DateTimeOffset EarliestBusinessDate = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestBusinessDate = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What a date outside <see cref="IsBusinessDate"/> is told.</summary>
    public const string BusinessDateRange = "must be between 1970-01-01 and 2200-01-01";

    /// <summary>Whether an instant can date an order or a parcel (a scan, an estimate): from 1970 to 2200.</summary>
    public static bool IsBusinessDate(DateTimeOffset at) => at >= EarliestBusinessDate && at < LatestBusinessDate;

    /// <summary>A date of an order or a parcel: a valid instant from 1970 to 2200; null when absent, or invalid (a violation recorded).</summary>
    public static DateTimeOffset? BusinessDate(Violations violations, string field, Timestamp? value)
    {
        var at = Instant(violations, field, value);
        if (at is { } given && !IsBusinessDate(given))
        {
            violations.Add(field, BusinessDateRange);
            return null;
        }
        return at;
    }

    /// <summary>When something happened, as the caller saw it: a valid instant, not in the future (beyond <see cref="ClockSkew"/>).</summary>
    public static DateTimeOffset? Past(Violations violations, string field, Timestamp? value, DateTimeOffset now)
    {
        var at = Instant(violations, field, value);
        if (at > now + ClockSkew)
        {
            violations.Add(field, "must not be in the future");
            return null;
        }
        return at;
    }

    /// <summary>
    /// When something of an order or a parcel happened (a purchase, a shipment, a buyer's message, a claim): a business
    /// date (<see cref="BusinessDate"/>), so a sender's "no date" (0001-01-01) is refused, not stored, and not in the
    /// future (<see cref="Past"/>). A planned ship date sent as shipped_at would count the order as shipped now and hide
    /// a late shipment; a message or claim dated ahead would make a late answer look in time.
    /// </summary>
    public static DateTimeOffset? PastBusinessDate(Violations violations, string field, Timestamp? value, DateTimeOffset now)
    {
        var before = violations.Count;
        BusinessDate(violations, field, value);
        return violations.Count > before ? null : Past(violations, field, value, now);
    }

    /// <summary>A span; null when absent, or invalid (a violation recorded).</summary>
    public static TimeSpan? Span(Violations violations, string field, Duration? value)
    {
        if (value is null)
        {
            return null;
        }
        var sameSign = value.Seconds == 0 || value.Nanos == 0 || (value.Seconds > 0) == (value.Nanos > 0);
        if (value.Seconds is < Duration.MinSeconds or > Duration.MaxSeconds || value.Nanos is <= -1_000_000_000 or >= 1_000_000_000 || !sameSign)
        {
            violations.Add(field, "is not a valid duration");
            return null;
        }
        return value.ToTimeSpan();
    }

    /// <summary>
    /// How old a shipment's last check may be: not negative. Ages longer than a century are read as a century (every
    /// check is newer), so "now − max_age" can always be computed.
    /// </summary>
    public static TimeSpan? MaxAge(Violations violations, string field, Duration? value)
    {
        var before = violations.Count;
        var age = Span(violations, field, value);
        if (age < TimeSpan.Zero)
        {
            violations.Add(field, "must not be negative");
            return null;
        }
        return violations.Count > before ? null : age > LongestAge ? LongestAge : age;
    }
}
