using System.Net;
using Polly;

namespace LogisticsLink.Carriers.Http;

/// <summary>
/// The daily budget's place in the pipeline: outermost it only refuses a call once the budget is spent; innermost it
/// takes one call per request sent, and reads each 429 with the carrier's <paramref name="spentDay"/> (when it has one):
/// an answer saying the carrier's own daily quota is spent closes the day. A refusal is a
/// <see cref="DailyQuotaSpentException"/> outcome, which neither the retry nor the circuit breaker handles (it is not a
/// carrier failure, and retrying it before the reset can only be refused again), so it ends the call at once.
/// </summary>
/// <param name="spentDay">The carrier's words when a 429 says its day's quota is spent, else null.</param>
internal sealed class DailyQuotaStrategy(
    CarrierDailyQuota quota, bool take, Func<HttpResponseMessage, CancellationToken, Task<string?>>? spentDay = null)
    : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        try
        {
            if (take)
            {
                quota.Take();
            }
            else
            {
                quota.ThrowIfSpent();
            }
        }
        catch (DailyQuotaSpentException e)
        {
            return Outcome.FromException<HttpResponseMessage>(e);
        }
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (take && spentDay is not null && outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } answer
            && await spentDay(answer, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext) is { } because)
        {
            answer.Dispose();
            return Outcome.FromException<HttpResponseMessage>(quota.SpendUntilNextReset(because));
        }
        return outcome;
    }
}
