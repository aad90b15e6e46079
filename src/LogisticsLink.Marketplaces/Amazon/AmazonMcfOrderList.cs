using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// What a read of Multi-Channel Fulfillment orders found (<c>AmazonMarketplaceClient.FetchMcfOrdersAsync</c>): the
/// orders with their parcels, or why not.
/// </summary>
public sealed record AmazonMcfOrderList(IReadOnlyList<ImportedOrder> Orders, string? FailureReason = null, bool Transient = true)
{
    public bool IsSuccess => FailureReason is null;

    /// <summary>
    /// The regions ("NA", "EU", "FE") whose orders were read. With a failure, the orders are those of these regions:
    /// the others are to be asked again from where they were.
    /// </summary>
    public IReadOnlyList<string> ReadRegions { get; init; } = [];

    public static AmazonMcfOrderList Failure(string reason, bool transient) => new([], reason, transient);
}
