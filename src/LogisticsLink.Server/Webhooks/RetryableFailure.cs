using LogisticsLink.Storage;

namespace LogisticsLink.Server.Webhooks;

/// <summary>Why a delivery that failed is for its sender to deliver again (503 <c>retry</c>) rather than a bug (500).</summary>
public enum RetryableFailure
{
    /// <summary>
    /// The shipment or order kept changing under other writers (the poller, another node, the periodic sync, a parcel
    /// that keeps moving) for longer than the store's optimistic retries: by the redelivery they are done.
    /// </summary>
    Contended,

    /// <summary>The store could not take the delivery for now (<see cref="StoreFailures.IsTransient"/>).</summary>
    StoreUnavailable,
}

/// <summary>
/// The one rule every webhook answers a failure by: nothing is wrong with the delivery or the server when it lost to
/// other writers or the store was busy, and nothing was stored, so the sender is asked to deliver it again. Not a 500:
/// some senders stop retrying, or disable the subscription, after repeated 500s, and the delivery would be lost.
/// </summary>
public static class RetryableFailures
{
    /// <summary>What makes <paramref name="exception"/> worth a redelivery; null for any other failure, a bug.</summary>
    public static RetryableFailure? Of(Exception exception) => exception switch
    {
        ConcurrencyConflictException or DuplicateShipmentException or DuplicateOrderException => RetryableFailure.Contended,
        _ when StoreFailures.IsTransient(exception) => RetryableFailure.StoreUnavailable,
        _ => null,
    };
}
