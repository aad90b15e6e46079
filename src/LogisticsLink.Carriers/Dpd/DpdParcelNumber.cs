namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// The <c>parcelLabelNumber</c> DPD's lifecycle service takes: the 14-digit parcel number. People also hold the
/// 15-character form (parcel number + MOD 37,36 check character) and the 28-character label barcode (ZIP 7 + parcel
/// 14 + service 3 + country 3 + check character); both carry the parcel number inside.
/// </summary>
public static class DpdParcelNumber
{
    /// <summary>The 14-digit parcel number, or null when the input is none of DPD's forms.</summary>
    public static string? Normalize(string trackingNumber)
    {
        var n = string.Concat(trackingNumber.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
        var parcel = n.Length switch
        {
            14 => n,
            15 => n[..14],
            28 => n.Substring(7, 14),
            _ => null,
        };
        return parcel is not null && parcel.All(char.IsAsciiDigit) ? parcel : null;
    }
}
