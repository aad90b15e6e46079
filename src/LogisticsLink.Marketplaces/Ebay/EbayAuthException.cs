namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>eBay's token endpoint refused or failed to mint a user access token; the message is safe to show and log.</summary>
internal sealed class EbayAuthException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}
