using LogisticsLink.Domain.Detection.CheckDigits;

namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>UPS "1Z": 1Z + shipper 6 + service 2 + package 7 + check, 18 characters, letters allowed.</summary>
internal static class UpsFormats
{
    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        if (n.Length != 18 || !n.StartsWith("1Z", StringComparison.Ordinal) || !Shape.IsLettersAndDigits(n))
            yield break;

        // The check position may hold a letter on a mistyped label; that is "UPS with a bad check digit",
        // not "not UPS" — the 1Z prefix alone says a lot.
        var valid = Shape.IsDigit(n[17], Mod10.Ups(n.AsSpan(2, 15)));
        yield return Candidate.Checked(Carriers.Ups, "UPS 1Z", valid, Confidence.Strong);
    }
}
