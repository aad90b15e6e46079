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

    /// <summary>
    /// Orders of the regions read that could not be read (listed, or given with their packages, in a shape we cannot
    /// read), as <see cref="OrderSyncPage.Unreadable"/>: the regions' other orders are in <see cref="Orders"/>, and the
    /// regions count as read, so these are read again only while a later read's start still lists them, or once Amazon
    /// changes them.
    /// </summary>
    public IReadOnlyList<UnreadableOrder> Unreadable { get; init; } = [];

    public static AmazonMcfOrderList Failure(string reason, bool transient) => new([], reason, transient);
}
