using System.Net.Http.Headers;
using Polly;

namespace LogisticsLink.Carriers.Http;

/// <summary>
/// Innermost in a carrier's pipeline: a 429/503 whose <c>Retry-After</c> counts seconds gets it rewritten as the date
/// those seconds end, read on the pipeline's clock when the answer arrives. A count of seconds means "from now", and
/// the answer may be read later (the retry's delay, a failed result's <see cref="CarrierResult.RetryNotBefore"/>);
/// a date stays true however late it is read.
/// </summary>
internal sealed class RetryAfterDateStrategy(TimeProvider time) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Result is { Headers.RetryAfter.Delta: { } wait } answer && RetryAfter.Of(answer, time.GetUtcNow(), TimeSpan.MaxValue) is not null)
        {
            answer.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow() + wait);
        }
        return outcome;
    }
}
