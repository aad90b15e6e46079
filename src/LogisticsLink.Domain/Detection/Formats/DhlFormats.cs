using System.Collections.Frozen;
using LogisticsLink.Domain.Detection.CheckDigits;

namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>DHL Express air waybills and piece ids, DHL eCommerce ids and DHL Paket (Germany) NVE numbers.</summary>
internal static class DhlFormats
{
    // eCommerce ids are only recognisable by these prefixes. Several are also S10 service letters (LX, RX, CN, UV…),
    // which is a documented collision, not a bug.
    private static readonly FrozenSet<string> ECommercePrefixes =
        new[] { "GM", "LX", "RX", "UV", "CN", "SG", "TH", "IN", "HK", "MY" }.ToFrozenSet(StringComparer.Ordinal);

    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        if (Shape.IsDigits(n))
        {
            if (n.Length is 10 or 11)
            {
                // Express: serial 9–10 digits + check = serial mod 7. Any 10-digit string has a one-in-seven
                // chance to pass, hence only "fair" confidence even when it does.
                var valid = Shape.IsDigit(n[^1], Mod7.CheckDigit(n.AsSpan(0, n.Length - 1)));
                yield return Candidate.Checked(Carriers.Dhl, "DHL Express", valid, Confidence.Fair);
            }

            if (n.Length == 14)
                // Same shape as DPD's 14-digit parcel number and nothing to tell them apart.
                yield return Candidate.Unchecked(Carriers.Dhl, "DHL eCommerce (14)", Confidence.Guess);

            if (n.Length == 20 && n.StartsWith("00", StringComparison.Ordinal))
            {
                // Paket NVE: "00" + SSCC 18 (GS1 mod 10 over its first 17 digits). The leading zeros weigh
                // nothing, so every NVE is also a valid USPS 20 — a documented collision.
                var valid = Shape.IsDigit(n[^1], Mod10.Gs1(n.AsSpan(2, 17)));
                yield return Candidate.Checked(Carriers.Dhl, "DHL Paket NVE (20)", valid, Confidence.Checked);
            }

            yield break;
        }

        if (n.Length is >= 12 and <= 14 && n[0] == 'J' && IsPieceId(n))
            yield return Candidate.Unchecked(Carriers.Dhl, "DHL Express piece ID", Confidence.ShapeOnly);

        if (n.Length is >= 12 and <= 41 && ECommercePrefixes.Contains(n[..2]) && Shape.IsLettersAndDigits(n.AsSpan(2)))
            yield return Candidate.Unchecked(Carriers.Dhl, "DHL eCommerce", Confidence.ShapeOnly);
    }

    /// <summary>"J" + 2–3 letters + 9–10 digits, e.g. JJD0099999999; no check digit.</summary>
    private static bool IsPieceId(string n)
    {
        var letters = n.AsSpan(1).IndexOfAnyInRange('0', '9');
        return letters is 2 or 3
            && Shape.IsLetters(n.AsSpan(1, letters))
            && Shape.IsDigits(n.AsSpan(1 + letters))
            && n.Length - 1 - letters is 9 or 10;
    }
}
