using System.Collections.Concurrent;

namespace LogisticsLink.Sandbox;

/// <summary>Faults to serve, in order, before answering normally again; and a count of tracking calls served.</summary>
public sealed class FaultQueue
{
    private readonly ConcurrentQueue<SimulatorFault> _faults = new();
    private int _trackingCalls;
    private int _tokenCalls;

    public int TrackingCalls => Volatile.Read(ref _trackingCalls);
    public int TokenCalls => Volatile.Read(ref _tokenCalls);

    public void Enqueue(params SimulatorFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Counts a tracking call and returns the fault to serve for it (None when the queue is empty).</summary>
    public SimulatorFault NextTrackingFault()
    {
        Interlocked.Increment(ref _trackingCalls);
        return _faults.TryDequeue(out var fault) ? fault : SimulatorFault.None;
    }

    public void CountTokenCall() => Interlocked.Increment(ref _tokenCalls);
}
