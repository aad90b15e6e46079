using LogisticsLink.Domain.Detection.Formats;

namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>
/// Numbers without a check digit that still count when a buyer copies them in groups, because the layout is the
/// carrier's own: DPD's 14-digit parcel number in the groups its label prints (<c>0150 5678 9012 34</c>), and a domestic
/// Colissimo number, whose letter after the first digit no other carrier prints (<c>6A 123 456 789 01</c>). Fourteen
/// digits grouped any other way could be anything a buyer grouped.
/// </summary>
internal static class PrintedLayouts
{
    private static readonly int[] DpdLabelGroups = [4, 4, 4, 2];

    /// <summary>The carrier whose layout <paramref name="groups"/> make, or null.</summary>
    public static string? CarrierOf(IReadOnlyList<string> groups)
    {
        if (groups.Select(g => g.Length).SequenceEqual(DpdLabelGroups) && groups.All(g => Shape.IsDigits(g)))
        {
            return Carriers.Dpd;
        }
        return LaPosteFormats.IsDomesticColissimo(string.Concat(groups).ToUpperInvariant()) ? Carriers.LaPoste : null;
    }
}
