using System.Globalization;

namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>
/// The incremental sync position, opaque to callers: <c>ebay.v1|since|passStart|offset</c>. A pass reads every order
/// with <c>lastmodifieddate</c> at or after <c>since</c>, <c>limit</c> at a time from <c>offset</c>; <c>passStart</c> is
/// when its first page was asked for. The next pass starts a little before that instant (<see cref="Overlap"/>): any
/// order changed while the pass was paging is read again, so an offset that shifted under us can repeat an order
/// but never lose a change.
/// </summary>
internal readonly record struct EbayCursor(DateTimeOffset Since, DateTimeOffset PassStart, int Offset)
{
    private const string Prefix = "ebay.v1";

    /// <summary>Covers eBay's indexing delay and clock skew between us and eBay.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    public static bool TryParse(string text, out EbayCursor cursor)
    {
        cursor = default;
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != Prefix ||
            !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since) ||
            !DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var passStart) ||
            !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return false;
        }
        cursor = new EbayCursor(since, passStart, offset);
        return true;
    }

    /// <summary>After a page of <paramref name="count"/> orders: the next page of this pass, or the next pass.</summary>
    public EbayCursor Next(int count, bool hasMore)
    {
        if (hasMore)
        {
            return this with { Offset = Offset + count };
        }
        var nextSince = PassStart - Overlap;
        return new EbayCursor(nextSince > Since ? nextSince : Since, default, 0);
    }

    /// <summary>eBay's filter syntax: <c>lastmodifieddate:[2016-03-21T08:25:43.511Z..]</c>.</summary>
    public string Filter() =>
        "lastmodifieddate:[" + Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "..]";

    public override string ToString() =>
        string.Join('|', Prefix, Since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            PassStart.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), Offset.ToString(CultureInfo.InvariantCulture));
}
