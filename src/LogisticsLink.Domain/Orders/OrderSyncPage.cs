namespace LogisticsLink.Domain.Orders;

/// <summary>
/// One page of an incremental order sync: the orders changed since the cursor, the cursor to continue from, and
/// whether more pages follow. A failure is a value (with whether retrying later may help), never an exception.
/// </summary>
public sealed record OrderSyncPage(
    IReadOnlyList<ImportedOrder> Orders, string NextCursor, bool HasMore, string? FailureReason = null, bool Transient = true)
{
    public bool IsSuccess => FailureReason is null;

    /// <summary>
    /// Orders of this page that could not be read: the page's other orders are in <see cref="Orders"/>, and
    /// <see cref="NextCursor"/> moves past them all, so they are read again only once the marketplace changes them.
    /// </summary>
    public IReadOnlyList<UnreadableOrder> Unreadable { get; init; } = [];

    public static OrderSyncPage Failure(string reason, bool transient = true) => new([], "", false, reason, transient);

    /// <summary>
    /// A failure of one part of the account (an Amazon region) that leaves the rest readable: the failure is reported,
    /// and <paramref name="nextCursor"/> keeps the failed part where it was while letting the others go on.
    /// </summary>
    public static OrderSyncPage PartialFailure(string nextCursor, bool hasMore, string reason, bool transient) =>
        new([], nextCursor, hasMore, reason, transient);
}
