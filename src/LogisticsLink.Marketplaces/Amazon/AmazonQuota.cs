using System.Collections.Concurrent;
using System.Globalization;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// SP-API's token buckets mirrored on our side, one per (selling partner account, region, operation): tokens come
/// back at the operation's rate up to its burst. A call takes a token; when none is left it waits for the next one if
/// that is close (<see cref="MaxWait"/>), otherwise it is not sent and the caller reports when to come back — cheaper
/// than earning a 429. A 429 from Amazon empties the bucket. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AmazonQuota(TimeProvider time, TimeSpan maxWait)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public TimeSpan MaxWait => maxWait;

    /// <summary>Takes a token, waiting briefly if one is due soon; returns the wait still needed when it is not.</summary>
    public async Task<TimeSpan?> TakeAsync(string accountKey, AmazonOperation operation, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(accountKey, operation);
        var wait = bucket.TryTake(time.GetUtcNow());
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }
        if (wait > maxWait)
        {
            return wait;
        }
        await Task.Delay(wait, time, cancellationToken);
        var again = bucket.TryTake(time.GetUtcNow());
        return again <= TimeSpan.Zero ? null : again;
    }

    /// <summary>Amazon answered 429: it has no tokens for us, whatever our count said.</summary>
    public void Exhausted(string accountKey, AmazonOperation operation) =>
        BucketOf(accountKey, operation).Drain(time.GetUtcNow());

    /// <summary>Applies <c>x-amzn-RateLimit-Limit</c> (requests per second), Amazon's word on this pair's rate.</summary>
    public void Observe(string accountKey, AmazonOperation operation, string? rateLimitHeader)
    {
        if (double.TryParse(rateLimitHeader, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0)
        {
            BucketOf(accountKey, operation).SetRate(rate, time.GetUtcNow());
        }
    }

    /// <summary>The rate now applied to an operation, for tests and diagnostics.</summary>
    public double RateOf(string accountKey, AmazonOperation operation) => BucketOf(accountKey, operation).Rate;

    private Bucket BucketOf(string accountKey, AmazonOperation operation) =>
        _buckets.GetOrAdd(accountKey + "|" + operation.Name, _ => new Bucket(operation.Rate, operation.Burst, time.GetUtcNow()));

    private sealed class Bucket(double rate, int burst, DateTimeOffset now)
    {
        private readonly Lock _gate = new();
        private double _tokens = burst;
        private DateTimeOffset _refilledAt = now;

        public double Rate { get; private set; } = rate;

        /// <summary>Zero when a token was taken, else how long until one is back.</summary>
        public TimeSpan TryTake(DateTimeOffset now)
        {
            lock (_gate)
            {
                Refill(now);
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return TimeSpan.Zero;
                }
                return TimeSpan.FromSeconds((1 - _tokens) / Rate);
            }
        }

        public void Drain(DateTimeOffset now)
        {
            lock (_gate)
            {
                Refill(now);
                _tokens = 0;
            }
        }

        public void SetRate(double rate, DateTimeOffset now)
        {
            lock (_gate)
            {
                Refill(now);
                Rate = rate;
            }
        }

        private void Refill(DateTimeOffset now)
        {
            var elapsed = (now - _refilledAt).TotalSeconds;
            if (elapsed > 0)
            {
                _tokens = Math.Min(burst, _tokens + elapsed * Rate);
                _refilledAt = now;
            }
        }
    }
}
