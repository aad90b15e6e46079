using LogisticsLink.Domain.Detection.CheckDigits;
using LogisticsLink.Domain.Detection.Formats;

namespace LogisticsLink.Domain.Detection;

/// <summary>
/// DPD tracks a parcel by its 14-digit parcel number, and parcels are stored under it, while its label prints the
/// number followed by a check character (ISO 7064 MOD 37,36: a digit or a letter) and wraps it in a 28-character
/// barcode (ZIP 7 + the number + service 3 + country 3 + check character). A buyer copies either form.
/// </summary>
public static class DpdParcelNumbers
{
    /// <summary>
    /// The 14-digit parcel number inside a normalized number of 14 digits and its check character, or of the 28-character
    /// barcode, when the check character verifies; null for anything else (a 15-digit FedEx Ground number whose last
    /// digit is not DPD's check character among them).
    /// </summary>
    public static string? Inside(string normalized) => normalized.Length switch
    {
        15 when Verifies(normalized) => normalized[..14],
        28 when Verifies(normalized) => normalized.Substring(7, 14),
        _ => null,
    };

    /// <summary>
    /// A 14-digit parcel number followed by its check character, the form earlier versions stored a number given so in;
    /// null when <paramref name="parcelNumber"/> is not 14 digits.
    /// </summary>
    public static string? WithCheckCharacter(string parcelNumber) =>
        parcelNumber.Length == ParcelNumberLength && Shape.IsDigits(parcelNumber)
            ? parcelNumber + Mod37Radix36.CheckCharacter(parcelNumber)
            : null;

    private const int ParcelNumberLength = 14;

    private static bool Verifies(string n) =>
        Shape.IsDigits(n.AsSpan(0, n.Length - 1)) && n[^1] == Mod37Radix36.CheckCharacter(n.AsSpan(0, n.Length - 1));
}
