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
            return TryAdd(ref duration, bareSeconds, TimeSpan.TicksPerSecond);
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

            long? ticksPerUnit = rest.Substring(digits, unitLength) switch
            {
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                "d" => TimeSpan.TicksPerDay,
                _ => null,
            };
            if (ticksPerUnit is null || !TryAdd(ref duration, amount, ticksPerUnit.Value))
            {
                return false;
            }

            rest = rest[(digits + unitLength)..];
        }

        return true;
    }

    /// <summary>
    /// Adds <paramref name="amount"/> units to <paramref name="total"/>, or fails for what TimeSpan would throw on:
    /// double.TryParse accepts "nan" and "infinity" whatever the styles, and "99999999999d" is past TimeSpan.MaxValue.
    /// </summary>
    private static bool TryAdd(ref TimeSpan total, double amount, long ticksPerUnit)
    {
        var ticks = amount * ticksPerUnit;
        if (!double.IsFinite(ticks) || ticks < 0 || ticks >= TimeSpan.MaxValue.Ticks - total.Ticks)
        {
            return false;
        }

        // Truncates like TimeSpan.FromSeconds(double) did, so accepted values parse as before.
        total += TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Parses option <paramref name="optionName"/>'s value, or explains the accepted forms.</summary>
    public static TimeSpan ParseOption(string optionName, string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new UsageException(
                $"--{optionName} must be a duration such as 30s, 5m or 1h30m, at most {TimeSpan.MaxValue.Days} days (got '{text}')");
}
