using Polly;

namespace LogisticsLink.Carriers.Http;

/// <summary>
/// The daily budget's place in the pipeline: outermost it only refuses a call once the budget is spent; innermost it
/// takes one call per request sent. A refusal is a <see cref="DailyQuotaSpentException"/> outcome, which neither the
/// retry nor the circuit breaker handles (it is not a carrier failure), so it ends the call at once.
/// </summary>
internal sealed class DailyQuotaStrategy(CarrierDailyQuota quota, bool take) : ResilienceStrategy<HttpResponseMessage>
{
    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
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
            return ValueTask.FromResult(Outcome.FromException<HttpResponseMessage>(e));
        }
        return callback(context, state);
    }
}
