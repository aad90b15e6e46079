using System.Security.Cryptography;
using System.Text;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>
/// One seller's eBay OAuth credentials: the app's client id and secret and the seller's refresh token (from the
/// authorization-code grant). <see cref="Key"/> identifies the token cache without holding the secrets in a dictionary key.
/// </summary>
internal sealed record EbayCredentials(string ClientId, string ClientSecret, string RefreshToken, string Scope)
{
    public string Key { get; } = Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes(string.Join('\n', ClientId, ClientSecret, RefreshToken, Scope))));

    public static bool TryRead(MarketplaceAccount account, out EbayCredentials credentials, out string problem)
    {
        credentials = new EbayCredentials(
            account.Credential("client_id").Trim(), account.Credential("client_secret").Trim(),
            account.Credential("refresh_token").Trim(), account.Credential("scope").Trim());
        var missing = new[] { ("client_id", credentials.ClientId), ("client_secret", credentials.ClientSecret), ("refresh_token", credentials.RefreshToken) }
            .Where(c => c.Item2.Length == 0).Select(c => c.Item1).ToList();
        problem = missing.Count == 0 ? "" : "ebay: the account lacks the credential(s) " + string.Join(", ", missing);
        return missing.Count == 0;
    }

    public override string ToString() => "eBay credentials"; // never the secrets
}
