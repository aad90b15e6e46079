using System.Globalization;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// The incremental sync position, opaque to callers: <c>shopify.v1|since|high|after</c>. <c>since</c> is the
/// <c>updated_at:&gt;=</c> bound of the pass under way, <c>after</c> Shopify's <c>pageInfo.endCursor</c> inside it (empty
/// on a pass's first page), <c>high</c> the latest <c>updatedAt</c> seen so far. When a pass ends, the next one starts
/// <see cref="Overlap"/> before <c>high</c>, inclusive: an order changed at about the same time as the latest one read,
/// but listed by the search only after it (concurrent writes, the search index catching up), is read by the next pass
/// rather than missed. Orders read twice import idempotently.
/// </summary>
internal readonly record struct ShopifyCursor(DateTimeOffset Since, DateTimeOffset High, string After)
{
    private const string Prefix = "shopify.v1";

    /// <summary>Covers the search's lag behind order changes, like eBay's cursor (Amazon's windows end 3 min before now).</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    public static ShopifyCursor Start(DateTimeOffset from) => new(from, from, "");

    public static bool TryParse(string text, out ShopifyCursor cursor)
    {
        cursor = default;
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != Prefix ||
            !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since) ||
            !DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var high))
        {
            return false;
        }
        cursor = new ShopifyCursor(since, high, parts[3]);
        return true;
    }

    /// <summary>After a page: more of the same pass, or the start of the next pass.</summary>
    public ShopifyCursor Next(DateTimeOffset? latestOnPage, bool hasNextPage, string endCursor)
    {
        var high = latestOnPage is { } latest && latest > High ? latest : High;
        return hasNextPage && endCursor.Length > 0 ? new ShopifyCursor(Since, high, endCursor) : new ShopifyCursor(high - Overlap, high, "");
    }

    public override string ToString() =>
        string.Join('|', Prefix, Since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            High.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), After);
}
