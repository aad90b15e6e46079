namespace LogisticsLink.Sandbox.Marketplaces.Ebay;

/// <summary>How the eBay simulator behaves: the app credentials and the seller's refresh token it accepts.</summary>
public sealed class EbaySimulatorOptions
{
    /// <summary>The only client id / secret pair the token endpoint accepts (HTTP Basic).</summary>
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }

    /// <summary>The only refresh token the <c>grant_type=refresh_token</c> grant accepts.</summary>
    public required string RefreshToken { get; init; }

    /// <summary>User access tokens' <c>expires_in</c> (eBay's: 7200 s).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(2);
}
