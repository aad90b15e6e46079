using System.Globalization;
using LogisticsLink.Domain.Detection.Formats;
using LogisticsLink.Domain.Support;

namespace LogisticsLink.Domain.Detection;

/// <summary>How a typed or pasted tracking number is cleaned up and when it is rejected outright.</summary>
internal static class TrackingNumberText
{
    // The shortest supported layout is DHL Express (10 digits), the longest DHL eCommerce (2 + 39). The bounds are a
    // little wider so a carrier's new layout still reaches the carrier when the caller names it.
    public const int MinLength = 8;
    public const int MaxLength = 45;

    /// <summary>
    /// Reads characters typed for ASCII as it (<see cref="AsciiForms"/>: a number pasted as a buyer typed it in full-width
    /// forms or another script's digits is the same number), removes whitespace and dashes (labels and e-mails group
    /// digits with both) and upper-cases.
    /// </summary>
    public static string Normalize(string raw)
    {
        var kept = new char[raw.Length];
        var count = 0;
        foreach (var c in AsciiForms.Fold(raw))
        {
            // Any Unicode dash, not only '-': numbers copied from PDFs and mail clients arrive with en dashes.
            if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation)
                continue;
            kept[count++] = char.ToUpperInvariant(c);
        }

        return new string(kept, 0, count);
    }

    /// <summary>ASCII letters and digits only, at least one digit, and a plausible length.</summary>
    public static bool IsWellFormed(string normalized) =>
        normalized.Length is >= MinLength and <= MaxLength
        && !normalized.AsSpan().ContainsAnyExcept(Shape.LettersAndDigits)
        // Every carrier's layout carries digits; a word is never a tracking number.
        && normalized.AsSpan().ContainsAnyInRange('0', '9');
}
