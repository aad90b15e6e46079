namespace LogisticsLink.Domain.Orders;

/// <summary>
/// One tenant's connection to a marketplace: the credentials it gave (decrypted, in memory only) and the
/// marketplaces (Amazon marketplace ids) to sync. Credential keys: Amazon <c>client_id</c>, <c>client_secret</c>,
/// <c>refresh_token</c>; Shopify <c>shop_domain</c>, <c>access_token</c>; eBay <c>client_id</c>, <c>client_secret</c>,
/// <c>refresh_token</c>.
/// </summary>
public sealed record MarketplaceAccount(
    string TenantId,
    string Channel,
    IReadOnlyDictionary<string, string> Credentials,
    IReadOnlyList<string> MarketplaceIds)
{
    public string Credential(string key) => Credentials.TryGetValue(key, out var value) ? value : "";

    public override string ToString() => $"{Channel} account of {TenantId}"; // never the credentials
}
