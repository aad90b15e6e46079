using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers;

/// <summary>
/// One carrier's adapter: speaks its wire format and returns a normalized snapshot. It knows nothing of storage or
/// streams, and reports failures as values rather than exceptions so one bad parcel never stops a refresh loop.
/// </summary>
public interface ICarrierClient
{
    /// <summary>Lower-case carrier code, e.g. "ups" or "sandbox".</summary>
    string Code { get; }

    /// <summary>A shorter polling cadence this carrier wants than the status-based default, if any.</summary>
    TimeSpan? Cadence { get; }

    Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken);
}

/// <param name="RegisteredAt">When LogisticsLink started tracking the parcel.</param>
public sealed record CarrierRequest(string TrackingNumber, DateTimeOffset RegisteredAt);

/// <summary>Either a snapshot or a failure that says why and whether trying again later may help.</summary>
public sealed record CarrierResult(CarrierSnapshot? Snapshot, string? FailureReason, bool Transient)
{
    public static CarrierResult Success(CarrierSnapshot snapshot) => new(snapshot, null, false);

    public static CarrierResult Failure(string reason, bool transient = true) => new(null, reason, transient);

    /// <summary>
    /// The carrier was not asked, or refused, because a quota is spent until <paramref name="retryNotBefore"/> (a daily
    /// budget's reset): a transient failure, like every throttled call, that also says when asking again can help.
    /// </summary>
    public static CarrierResult Throttled(string reason, DateTimeOffset retryNotBefore) =>
        new(null, reason, true) { RetryNotBefore = retryNotBefore, DailyQuotaSpent = true };

    /// <summary>
    /// A <see cref="Throttled"/> failure: the day's quota is spent. Logged once a day where the quota is kept, not per
    /// refusal (thousands of parcels would flood the log).
    /// </summary>
    public bool DailyQuotaSpent { get; init; }

    /// <summary>For a failure: no call to this carrier can succeed before then; the next check waits for it.</summary>
    public DateTimeOffset? RetryNotBefore { get; init; }

    public bool IsSuccess => Snapshot is not null;
}
