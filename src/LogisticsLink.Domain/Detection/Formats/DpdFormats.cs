using LogisticsLink.Domain.Detection.CheckDigits;

namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>DPD parcel numbers: the 14-digit parcel number, alone or with its check character, and the 28-character
/// label barcode. The check character is ISO 7064 MOD 37,36 and may be a letter.</summary>
internal static class DpdFormats
{
    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        switch (n.Length)
        {
            case 14 when Shape.IsDigits(n):
                // What DPD's own tracking pages and APIs take; it has no check character, so it cannot be told
                // apart from DHL eCommerce's 14 digits.
                yield return Candidate.Unchecked(Carriers.Dpd, "DPD (14)", Confidence.Weak);
                break;

            case 15 when Shape.IsDigits(n.AsSpan(0, 14)) && Shape.IsLettersAndDigits(n.AsSpan(14)):
                // With the check character; all-digit ones share the length with FedEx Ground (15).
                yield return Candidate.Checked(Carriers.Dpd, "DPD (14+check)",
                    n[14] == Mod37Radix36.CheckCharacter(n.AsSpan(0, 14)), Confidence.Fair);
                break;

            case 28 when Shape.IsDigits(n.AsSpan(0, 27)) && Shape.IsLettersAndDigits(n.AsSpan(27)):
                // ZIP 7 + parcel 14 + service 3 + ISO numeric country 3 + check character.
                yield return Candidate.Checked(Carriers.Dpd, "DPD (28)",
                    n[27] == Mod37Radix36.CheckCharacter(n.AsSpan(0, 27)), Confidence.Strong);
                break;
        }
    }
}
