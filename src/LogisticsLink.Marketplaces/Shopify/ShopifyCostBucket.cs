namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// Our view of one shop's GraphQL leaky bucket, from the last <c>extensions.cost.throttleStatus</c> seen: points
/// available then, refilling at <c>restoreRate</c> per second up to <c>maximumAvailable</c>. Before the next query we
/// wait until the bucket should hold as many points as the last query requested, so Shopify never has to throttle us.
/// </summary>
internal sealed class ShopifyCostBucket(TimeProvider time)
{
    private readonly Lock _gate = new();
    private ShopifyCost? _last;
    private DateTimeOffset _observedAt;

    public void Observe(ShopifyCost cost)
    {
        lock (_gate)
        {
            _last = cost;
            _observedAt = time.GetUtcNow();
        }
    }

    /// <summary>How long to wait before the next query; zero when the bucket should hold enough (or nothing is known).</summary>
    public TimeSpan WaitBefore()
    {
        lock (_gate)
        {
            if (_last is not { RestoreRate: > 0 } last)
            {
                return TimeSpan.Zero;
            }
            var elapsed = Math.Max(0, (time.GetUtcNow() - _observedAt).TotalSeconds);
            var available = Math.Min(last.MaximumAvailable, last.CurrentlyAvailable + last.RestoreRate * elapsed);
            // A query can never need more than the bucket holds; Shopify rejects such queries outright.
            var needed = Math.Min(last.RequestedQueryCost, last.MaximumAvailable);
            return available >= needed
                ? TimeSpan.Zero
                : TimeSpan.FromMilliseconds(Math.Ceiling((needed - available) / last.RestoreRate * 1000));
        }
    }
}
