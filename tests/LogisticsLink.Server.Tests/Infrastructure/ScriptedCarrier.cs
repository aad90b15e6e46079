using LogisticsLink.Carriers;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>A test carrier ("ups") that counts its calls, can be held, and can be made to fail.</summary>
public sealed class ScriptedCarrier : ICarrierClient
{
    private int _calls;

    public string Code => "ups";
    public TimeSpan? Cadence => null;
    public int Calls => Volatile.Read(ref _calls);
    public TaskCompletionSource Gate { get; set; } = Completed();
    public bool Fail { get; set; }

    /// <summary>Set: the carrier's daily quota is spent until then (a throttled failure, nothing asked).</summary>
    public DateTimeOffset? ThrottledUntil { get; set; }

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Gate.Task.WaitAsync(cancellationToken);
        if (ThrottledUntil is { } until)
        {
            return CarrierResult.Throttled("daily quota spent", until);
        }
        if (Fail)
        {
            return CarrierResult.Failure("HTTP 503 from the carrier");
        }
        var scan = new TrackingEvent(
            request.RegisteredAt.AddHours(1), TrackingStatus.InTransit, "in_transit.departed", "Departed facility", "DP",
            new TrackingLocation("Louisville", "KY", "40209", "US"), "poll", default);
        return CarrierResult.Success(new CarrierSnapshot(null, [scan], TrackingUrl: "https://www.ups.com/track?tracknum=" + request.TrackingNumber));
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
