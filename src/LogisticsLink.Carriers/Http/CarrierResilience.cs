using System.Net;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace LogisticsLink.Carriers.Http;

/// <summary>
/// The Polly v8 pipeline every carrier call goes through, outermost first: retry (jittered exponential back-off that
/// honours Retry-After), rate limiter (the carrier's quota, so we never earn a ban: every attempt, retries included,
/// takes a permit), circuit breaker (a carrier outage stops costing calls and fails fast so lookups answer the last
/// known state), per-attempt timeout, and the daily budget (<see cref="CarrierDailyQuota"/>: each request sent takes a
/// call; a spent budget is also checked before the retry and the rate limiter, so a refused call waits for nothing),
/// and innermost a Retry-After in seconds turned into the date it means (<see cref="RetryAfterDateStrategy"/>).
/// </summary>
public static class CarrierResilience
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A call over the quota waits for the next window only when that window is this short. Past it (USPS allows 60
    /// calls an hour) the call is refused at once, "not called": the shipment keeps its last known state and is
    /// rescheduled, instead of holding a scheduler slot, and so the scheduler's whole batch, for up to an hour.
    /// </summary>
    public static readonly TimeSpan MaxQueuedWindow = TimeSpan.FromSeconds(10);

    /// <param name="options">The carrier's retries, quota, circuit breaker and timeout.</param>
    /// <param name="time">The clock of back-offs, windows and breaks.</param>
    /// <param name="retryTooManyRequests">
    /// False for an API whose 429 means "your token bucket is empty" and names no Retry-After (Amazon SP-API): a retry
    /// within seconds finds the bucket still empty and only spends its next token, so the 429 ends the call at once and
    /// the caller waits for the refill. 5xx, 408 and timeouts are still retried; the breaker still counts the 429.
    /// </param>
    /// <param name="dailyQuota">The carrier's daily budget; by default one of <c>options.DailyQuota</c> calls, if set above 0.</param>
    /// <param name="spentDay">
    /// For a carrier whose 429 can mean "today's quota is spent" (FedEx): its words when an answer says so, else null.
    /// Such an answer is not retried and closes <paramref name="dailyQuota"/> until the next 00:00 UTC.
    /// </param>
    /// <param name="quotaLog">Where the default daily budget tells, once a day, that it is spent.</param>
    public static ResiliencePipeline<HttpResponseMessage> Build(
        CarrierOptions options, TimeProvider time, bool retryTooManyRequests = true, CarrierDailyQuota? dailyQuota = null,
        Func<HttpResponseMessage, CancellationToken, Task<string?>>? spentDay = null, DailyQuotaLog? quotaLog = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        dailyQuota ??= options.DailyQuota is > 0 and var perDay ? new CarrierDailyQuota(perDay, time, quotaLog) : null;
        if (dailyQuota is not null)
        {
            builder.AddStrategy(_ => new DailyQuotaStrategy(dailyQuota, take: false));
        }
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                // A server that asks for a longer wait than a refresh can spend is not asked again now: the refresh
                // fails, its result carries the server's Retry-After (CarrierHttp.Failure), and no check of the
                // shipment is planned before it.
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && !AsksForALongerWait(args.Outcome.Result, time) &&
                    (retryTooManyRequests || args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Of(args.Outcome.Result, time.GetUtcNow(), MaxRetryAfter)),
                OnRetry = args =>
                {
                    // The failed answer is replaced by the next attempt's: release its connection now.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }
        if (options.RateLimitPermits > 0)
        {
            builder.AddRateLimiter(new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = options.RateLimitWindow,
                QueueLimit = options.RateLimitWindow <= MaxQueuedWindow ? options.RateLimitPermits : 0,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = 5,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });
        builder.AddTimeout(options.AttemptTimeout);
        if (dailyQuota is not null)
        {
            // Innermost: only a request really sent (past the rate limiter and an open circuit) takes a call.
            builder.AddStrategy(_ => new DailyQuotaStrategy(dailyQuota, take: true, spentDay));
        }
        builder.AddStrategy(_ => new RetryAfterDateStrategy(time));
        return builder.Build();
    }

    private static bool AsksForALongerWait(HttpResponseMessage? response, TimeProvider time) =>
        RetryAfter.Of(response, time.GetUtcNow(), TimeSpan.MaxValue) > MaxRetryAfter;

    /// <summary>Worth trying again: throttling, server errors, timeouts and network failures — never 4xx answers.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout } => true,
        { Result.StatusCode: >= HttpStatusCode.InternalServerError } => true,
        _ => false,
    };

    /// <summary>The pipeline refused the call without trying it (open circuit or quota exhausted).</summary>
    public static bool IsRefusal(Exception exception) => exception is BrokenCircuitException or RateLimiterRejectedException;
}
