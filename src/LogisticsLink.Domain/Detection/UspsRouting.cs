using LogisticsLink.Domain.Detection.CheckDigits;
using LogisticsLink.Domain.Detection.Formats;

namespace LogisticsLink.Domain.Detection;

/// <summary>
/// A USPS label barcode reads "420" + the destination ZIP (5 or 9 digits) + the tracking number, an IMpb number or an
/// old 20-digit one: the routing is the barcode's, not the parcel's. USPS tracks, and buyers and carriers quote, the
/// number without it, so both forms name one parcel.
/// </summary>
public static class UspsRouting
{
    private const string Prefix = "420";
    private static readonly int[] ZipLengths = [5, 9];

    /// <summary>
    /// The tracking number inside a normalized routed barcode: what follows "420" + ZIP when it is an IMpb number
    /// (22 or 26 digits, 91–95) or an old 20-digit number whose check digit verifies, under exactly one ZIP length.
    /// Anything else, a bare number included, is returned as it is.
    /// </summary>
    public static string WithoutRouting(string normalized)
    {
        if (!normalized.StartsWith(Prefix, StringComparison.Ordinal) || !Shape.IsDigits(normalized))
        {
            return normalized;
        }
        var cores = ZipLengths
            .Where(zip => normalized.Length > Prefix.Length + zip)
            .Select(zip => normalized[(Prefix.Length + zip)..])
            .Where(IsVerifiedCore)
            .ToList();
        // A 34-digit barcode reads as ZIP 9 + 22 or ZIP 5 + 26; when both verify, the number is kept as given
        // rather than guessed.
        return cores is [var core] ? core : normalized;
    }

    /// <summary>
    /// The lengths a routed barcode of <paramref name="core"/> has (ZIP 5 and ZIP 9), for finding parcels stored
    /// routed; empty when <paramref name="core"/> is neither an IMpb number nor an old 20-digit one.
    /// </summary>
    public static IReadOnlyList<int> RoutedLengths(string core) =>
        IsVerifiedCore(core) ? ZipLengths.Select(zip => Prefix.Length + zip + core.Length).ToList() : [];

    /// <summary>The start every routed barcode has.</summary>
    public static string RoutingPrefix => Prefix;

    private static bool IsVerifiedCore(string core) => Shape.IsDigits(core) && (IsVerifiedImpb(core) || UspsFormats.IsVerifiedOld20(core));

    private static bool IsVerifiedImpb(string core) =>
        core.Length is 22 or 26 && core[0] == '9' && core[1] is >= '1' and <= '5'
        && Shape.IsDigit(core[^1], Mod10.Gs1(core.AsSpan(0, core.Length - 1)));
}
