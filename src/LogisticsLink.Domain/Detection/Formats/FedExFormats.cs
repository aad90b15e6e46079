using LogisticsLink.Domain.Detection.CheckDigits;

namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>FedEx Express, Ground and Ground Economy (SmartPost) layouts, all digits.</summary>
internal static class FedExFormats
{
    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        if (!Shape.IsDigits(n))
            yield break;

        switch (n.Length)
        {
            case 12:
                // Express: 11 digits + check, weights 3,1,7 from the left, mod 11 mod 10.
                yield return Candidate.Checked(Carriers.FedEx, "FedEx Express (12)",
                    Verifies(n, WeightedMod11.CheckDigit(n.AsSpan(0, 11), [3, 1, 7])), Confidence.Checked);
                break;

            case 15:
                yield return Candidate.Checked(Carriers.FedEx, "FedEx Ground (15)",
                    Verifies(n, Mod10.Gs1(n.AsSpan(0, 14))), Confidence.Checked);
                break;

            case 18:
                // SSCC-18: container type 2 + serial 15 + check; the check covers the serial only.
                yield return Candidate.Checked(Carriers.FedEx, "FedEx Ground SSCC-18",
                    Verifies(n, Mod10.Gs1(n.AsSpan(2, 15))), Confidence.Fair);
                break;

            case 20:
                // Ground Economy (formerly SmartPost) printed without its "92" application identifier; the check
                // digit still covers it. Same 20 digits as USPS 20, but the implied prefix moves the check digit.
                yield return Candidate.Checked(Carriers.FedEx, "FedEx SmartPost (20)",
                    Verifies(n, Mod10.Gs1("92", n.AsSpan(0, 19))), Confidence.Fair);
                break;

            case 22 when n.StartsWith("96", StringComparison.Ordinal):
                // 96 + SCNC 2 + service 3 + shipper 7 + package 7 + check; the check covers shipper + package.
                yield return Candidate.Checked(Carriers.FedEx, "FedEx Ground 96 (22)",
                    Verifies(n, Mod10.Gs1(n.AsSpan(7, 14))), Confidence.Strong);
                break;

            case 22 when n.StartsWith("92", StringComparison.Ordinal):
                // Ground Economy labels are USPS IMpb barcodes (USPS delivers them), so this is the same number
                // and check as USPS IMpb 22 — a real collision both carriers can track.
                yield return Candidate.Checked(Carriers.FedEx, "FedEx SmartPost (22)",
                    Verifies(n, Mod10.Gs1(n.AsSpan(0, 21))), Confidence.Checked);
                break;

            case 34 when n.StartsWith("96", StringComparison.Ordinal):
                // Ground GSN: 96 + SCNC 2 + 5 + GSN 10 + 1 + serial 13 + check; weights 1,7,3 over the serial.
                yield return Candidate.Checked(Carriers.FedEx, "FedEx Ground GSN (34)",
                    Verifies(n, WeightedMod11.CheckDigit(n.AsSpan(20, 13), [1, 7, 3])), Confidence.Strong);
                break;

            case 34 when n[0] is >= '0' and <= '8':
                // Express barcode: [0-8] + 14 + ZIP 5 + serial 13 + check; weights 1,7,3 over the serial. The
                // leading digit range includes USPS's "420" routing prefix, hence a documented 34-digit collision.
                yield return Candidate.Checked(Carriers.FedEx, "FedEx Express (34)",
                    Verifies(n, WeightedMod11.CheckDigit(n.AsSpan(20, 13), [1, 7, 3])), Confidence.Checked);
                break;
        }
    }

    private static bool Verifies(string n, int expected) => Shape.IsDigit(n[^1], expected);
}
