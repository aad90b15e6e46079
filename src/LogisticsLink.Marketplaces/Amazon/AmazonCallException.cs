namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// A call that did not give what was asked, with a reason fit for <see cref="Domain.Orders.OrderSyncPage.FailureReason"/>
/// (never a credential) and whether trying again later may help. Caught at the client's public methods and turned
/// into a failure value; it never escapes them.
/// </summary>
internal sealed class AmazonCallException(string reason, bool transient) : Exception(reason)
{
    public bool Transient { get; } = transient;
}

/// <summary>An answer that is not in the documented shape (not JSON, a list where an object belongs...).</summary>
internal sealed class AmazonMalformedException(string message) : Exception(message);
