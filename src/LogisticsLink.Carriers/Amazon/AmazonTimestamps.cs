using System.Globalization;

namespace LogisticsLink.Carriers.Amazon;

/// <summary>
/// SP-API date-times are ISO 8601, in Amazon's examples UTC with <c>Z</c> and milliseconds. One without an offset is
/// read as UTC (what the API documents), a bare date as its midnight UTC.
/// </summary>
public static class AmazonTimestamps
{
    public static DateTimeOffset? Parse(string? text) =>
        !string.IsNullOrWhiteSpace(text) &&
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var at)
            ? at
            : null;
}
