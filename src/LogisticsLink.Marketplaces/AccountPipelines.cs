using System.Collections.Concurrent;
using LogisticsLink.Carriers.Http;
using Polly;

namespace LogisticsLink.Marketplaces;

/// <summary>
/// One resilience pipeline (<see cref="CarrierResilience.Build"/>, same options for all) per seller account, built on
/// first use. For marketplaces that throttle each seller separately: a seller whose calls keep earning 429 opens
/// only its own circuit breaker and spends only its own rate-limiter permits, so the other sellers on this node carry on.
/// </summary>
/// <remarks>
/// Never shrinks: an entry per account key seen since start-up, like the clients' token caches and quota buckets.
/// A node serves a small number of accounts (a rotated credential adds one more key), so a plain dictionary is enough.
/// </remarks>
/// <param name="retryTooManyRequests">See <see cref="CarrierResilience.Build"/>: false where a 429 must end the call.</param>
internal sealed class AccountPipelines(CarrierOptions options, TimeProvider time, bool retryTooManyRequests = true)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline<HttpResponseMessage> For(string accountKey) =>
        _pipelines.GetOrAdd(accountKey, _ => CarrierResilience.Build(options, time, retryTooManyRequests));
}
