using System.Globalization;

namespace LogisticsLink.Cli;

/// <summary>Durations as typed on a command line: <c>30s</c>, <c>500ms</c>, <c>5m</c>, <c>1h30m</c>, <c>2d</c>; a bare number is seconds.</summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = text.Trim().ToLowerInvariant();
        if (rest.Length == 0)
        {
            return false;
        }

        if (double.TryParse(rest, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bareSeconds))
        {
            duration = TimeSpan.FromSeconds(bareSeconds);
            return true;
        }

        while (rest.Length > 0)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            var unitLength = 0;
            while (digits + unitLength < rest.Length && char.IsAsciiLetterLower(rest[digits + unitLength]))
            {
                unitLength++;
            }

            if (digits == 0 || unitLength == 0 ||
                !double.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            TimeSpan? part = rest.Substring(digits, unitLength) switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (part is null)
            {
                return false;
            }

            duration += part.Value;
            rest = rest[(digits + unitLength)..];
        }

        return true;
    }

    /// <summary>Parses option <paramref name="optionName"/>'s value, or explains the accepted forms.</summary>
    public static TimeSpan ParseOption(string optionName, string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new UsageException($"--{optionName} must be a duration such as 30s, 5m or 1h30m (got '{text}')");
}
