using LogisticsLink.Domain.Detection.CheckDigits;

namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>
/// USPS: the old 20-digit layout and IMpb. An IMpb tracking core is 22 or 26 digits starting with an application
/// identifier 91–95; scanned barcodes prepend "420" + ZIP 5 or ZIP 9 routing, giving 30, 34 or 38 digits, and 28 or
/// 32 around an old 20-digit number. All use the GS1 mod 10 check over the number (routing excluded).
/// </summary>
internal static class UspsFormats
{
    private const string Routing = "420";

    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        if (!Shape.IsDigits(n))
            yield break;

        if (n.Length == 20)
        {
            // Service 2 + mailer 9 + package 8 + check.
            yield return Candidate.Checked(Carriers.Usps, "USPS 20", IsVerified20(n), Confidence.Checked);
            // The legacy "91" layout printed without its identifier: the check covers the implied 91.
            yield return Candidate.Checked(Carriers.Usps, "USPS 91 (20)", IsVerified91(n), Confidence.Fair);
            yield break;
        }

        if (n.Length is 28 or 32 && n.StartsWith(Routing, StringComparison.Ordinal))
        {
            // "420" + ZIP 5 or ZIP 9 before an old 20-digit number: one reading per length, as no IMpb core is 20 long.
            var old = n[^20..];
            yield return Candidate.Checked(Carriers.Usps, $"USPS 20 ({n.Length})", IsVerified20(old), Confidence.Checked);
            yield return Candidate.Checked(Carriers.Usps, $"USPS 91 ({n.Length})", IsVerified91(old), Confidence.Fair);
            yield break;
        }

        var cores = Cores(n);
        if (cores.Count == 0)
            yield break;

        // 34 digits parse two ways (ZIP 9 + 22 or ZIP 5 + 26); the number is valid if either reading verifies.
        var valid = cores.Any(core => Shape.IsDigit(core[^1], Mod10.Gs1(core.AsSpan(0, core.Length - 1))));
        yield return Candidate.Checked(Carriers.Usps, $"USPS IMpb {n.Length}", valid, Confidence.Strong);
    }

    /// <summary>An old 20-digit number whose check digit verifies, read either way (with or without the implied 91).</summary>
    public static bool IsVerifiedOld20(string n) => n.Length == 20 && Shape.IsDigits(n) && (IsVerified20(n) || IsVerified91(n));

    private static bool IsVerified20(string n) => Shape.IsDigit(n[^1], Mod10.Gs1(n.AsSpan(0, 19)));

    private static bool IsVerified91(string n) => Shape.IsDigit(n[^1], Mod10.Gs1("91", n.AsSpan(0, 19)));

    /// <summary>The IMpb cores the number can be read as, routing stripped.</summary>
    private static List<string> Cores(string n)
    {
        var cores = new List<string>(2);
        AddIfCore(n, cores);
        if (n.StartsWith(Routing, StringComparison.Ordinal))
        {
            foreach (var zipLength in (ReadOnlySpan<int>)[5, 9])
            {
                if (n.Length > Routing.Length + zipLength)
                    AddIfCore(n[(Routing.Length + zipLength)..], cores);
            }
        }

        return cores;
    }

    private static void AddIfCore(string core, List<string> cores)
    {
        if (core.Length is 22 or 26 && core[0] == '9' && core[1] is >= '1' and <= '5')
            cores.Add(core);
    }
}
