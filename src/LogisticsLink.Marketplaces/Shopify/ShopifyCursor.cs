using System.Globalization;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// The incremental sync position, opaque to callers: <c>shopify.v1|since|high|after|read</c>. <c>since</c> is the
/// <c>updated_at:&gt;=</c> bound of the pass under way, <c>after</c> Shopify's <c>pageInfo.endCursor</c> inside it (empty
/// on a pass's first page), <c>high</c> the latest <c>updatedAt</c> seen so far, <c>read</c> how many orders the pass has
/// listed. When a pass ends, the next one starts <see cref="Overlap"/> before <c>high</c>, inclusive: an order changed at
/// about the same time as the latest one read, but listed by the search only after it (concurrent writes, the search
/// index catching up), is read by the next pass rather than missed. Orders read twice import idempotently.
/// </summary>
/// <remarks>
/// Shopify pages one search no deeper than its pagination limit (25,000 objects), so a pass whose next page would go
/// past it searches again from <c>high</c>, inclusive: the orders already read in that second are read once more, none
/// is skipped. Only when every order read so far in the pass changed in the same second can a new search not move on;
/// the pass then pages on as far as Shopify lets it.
/// </remarks>
internal readonly record struct ShopifyCursor(DateTimeOffset Since, DateTimeOffset High, string After, int Read = 0)
{
    private const string Prefix = "shopify.v1";

    /// <summary>Covers the search's lag behind order changes, like eBay's cursor (Amazon's windows end 3 min before now).</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    public static ShopifyCursor Start(DateTimeOffset from) => new(from, from, "");

    /// <summary>Reads a cursor; one written before <c>read</c> was kept (four parts) counts its pass from here.</summary>
    public static bool TryParse(string text, out ShopifyCursor cursor)
    {
        cursor = default;
        var parts = text.Split('|');
        var read = 0;
        if (parts.Length is not (4 or 5) || parts[0] != Prefix ||
            !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since) ||
            !DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var high) ||
            (parts.Length == 5 && (!int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out read))))
        {
            return false;
        }
        cursor = new ShopifyCursor(since, high, parts[3], read);
        return true;
    }

    /// <summary>
    /// After a page of <paramref name="readOnPage"/> orders: more of the same pass, a new search from the latest change
    /// when the next page would lie past Shopify's <paramref name="paginationLimit"/>, or the start of the next pass
    /// (<c>HasMore</c> false).
    /// </summary>
    public (ShopifyCursor Next, bool HasMore) Next(
        DateTimeOffset? latestOnPage, int readOnPage, bool hasNextPage, string endCursor, int pageSize, int paginationLimit)
    {
        var high = latestOnPage is { } latest && latest > High ? latest : High;
        if (!hasNextPage || endCursor.Length == 0)
        {
            return (new ShopifyCursor(high - Overlap, high, ""), false);
        }
        var read = Read + readOnPage;
        if (read + pageSize > paginationLimit && SearchSecond(high) > SearchSecond(Since))
        {
            return (new ShopifyCursor(high, high, ""), true);
        }
        return (new ShopifyCursor(Since, high, endCursor, read), true);
    }

    public override string ToString() =>
        string.Join('|', Prefix, Since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            High.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), After, Read.ToString(CultureInfo.InvariantCulture));

    /// <summary>The search's bound has whole seconds (<see cref="ShopifyQueries.UpdatedSince"/>).</summary>
    private static long SearchSecond(DateTimeOffset at) => at.ToUnixTimeSeconds();
}
