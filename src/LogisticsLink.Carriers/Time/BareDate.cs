using System.Globalization;

namespace LogisticsLink.Carriers.Time;

/// <summary>
/// A carrier value that is a calendar date alone (<c>yyyy-MM-dd</c>, no time, no zone). Such a promise names a day,
/// not an instant: adapters store it as <see cref="Domain.Shipments.DateOnlyPromise"/> rather than giving it the
/// offset of a scan, which would put it on another UTC day or make replies convert it to the day before.
/// </summary>
public static class BareDate
{
    /// <summary>The date when <paramref name="text"/> is exactly a date with no time, else null.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
