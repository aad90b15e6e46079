using LogisticsLink.Carriers;

namespace LogisticsLink.Bench.Carriers;

/// <summary>
/// Wraps a carrier, counts every call that reaches it, and can answer after a delay like a real carrier API.
/// </summary>
public sealed class CountingCarrier(ICarrierClient inner) : ICarrierClient
{
    private int _calls;

    public string Code => inner.Code;

    public TimeSpan? Cadence => inner.Cadence;

    /// <summary>How long each call takes before the inner carrier answers.</summary>
    public TimeSpan Latency { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public void Reset() => Interlocked.Exchange(ref _calls, 0);

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }
        return await inner.TrackAsync(request, cancellationToken);
    }
}
