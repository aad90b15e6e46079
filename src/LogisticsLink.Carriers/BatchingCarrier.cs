using System.Threading.Channels;

namespace LogisticsLink.Carriers;

/// <summary>
/// Gathers the refreshes that arrive together for a batching carrier into one request: the first waiting request
/// opens a batch, which takes whatever else arrives within <paramref name="linger"/> (up to the carrier's batch size).
/// A refresh loop with many due parcels of one carrier then costs one call per batch instead of one per parcel, which
/// is what keeps it under the carrier's quota.
/// </summary>
public sealed class BatchingCarrier : ICarrierClient, IAsyncDisposable
{
    private readonly IBatchingCarrierClient _inner;
    private readonly TimeSpan _linger;
    private readonly TimeProvider _time;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public BatchingCarrier(IBatchingCarrierClient inner, TimeSpan linger, TimeProvider time)
    {
        _inner = inner;
        _linger = linger;
        _time = time;
        _loop = Task.Run(RunAsync);
    }

    public string Code => _inner.Code;

    public TimeSpan? Cadence => _inner.Cadence;

    public async Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, new TaskCompletionSource<CarrierResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            return CarrierResult.Failure("The server is stopping.");
        }
        return await pending.Result.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(_inner.MaxBatchSize);
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                using (var window = new CancellationTokenSource(_linger, _time))
                {
                    try
                    {
                        while (batch.Count < _inner.MaxBatchSize && await reader.WaitToReadAsync(window.Token))
                        {
                            while (batch.Count < _inner.MaxBatchSize && reader.TryRead(out var next))
                            {
                                batch.Add(next);
                            }
                        }
                    }
                    catch (OperationCanceledException) when (window.IsCancellationRequested && !_stopping.IsCancellationRequested)
                    {
                        // The window closed: send what we have.
                    }
                }
                await SendAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        foreach (var left in batch.Concat(Drain(reader)))
        {
            left.Result.TrySetResult(CarrierResult.Failure("The server is stopping."));
        }
    }

    private async Task SendAsync(List<Pending> batch)
    {
        try
        {
            var results = await _inner.TrackManyAsync(batch.Select(p => p.Request).ToList(), _stopping.Token);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception e)
        {
            // An adapter bug costs this batch's refreshes, never the loop.
            foreach (var pending in batch)
            {
                pending.Result.TrySetResult(CarrierResult.Failure(e.Message));
            }
        }
    }

    private static IEnumerable<Pending> Drain(ChannelReader<Pending> reader)
    {
        while (reader.TryRead(out var pending))
        {
            yield return pending;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    private sealed record Pending(CarrierRequest Request, TaskCompletionSource<CarrierResult> Result);
}
