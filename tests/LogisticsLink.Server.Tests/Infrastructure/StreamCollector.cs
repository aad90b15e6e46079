using Grpc.Core;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>Reads a WatchShipments call in the background and keeps every update for assertions.</summary>
public sealed class StreamCollector : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<ShipmentUpdate> _call;
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<ShipmentUpdate> _updates = [];
    private readonly Task _reader;

    private StreamCollector(AsyncServerStreamingCall<ShipmentUpdate> call)
    {
        _call = call;
        _reader = Task.Run(ReadAsync);
    }

    public Exception? Error { get; private set; }
    public bool Ended { get; private set; }

    public static StreamCollector Start(TrackingService.TrackingServiceClient client, WatchShipmentsRequest request) =>
        new(client.WatchShipments(request));

    public IReadOnlyList<ShipmentUpdate> Updates
    {
        get { lock (_updates) return _updates.ToList(); }
    }

    public IReadOnlyList<ShipmentUpdate> Changes => Updates.Where(u => u.Change is not null).ToList();

    public ulong LastChangeSequence => Changes.Where(c => c.Sequence > 0 && c.Change.Kind != ChangeKind.Snapshot).Select(c => c.Sequence).DefaultIfEmpty(0UL).Max();

    /// <summary>The position the stream has delivered through: the last change or heartbeat.</summary>
    public ulong Position => Updates.Select(u => u.Heartbeat?.LatestSequence ?? (u.Change?.Kind == ChangeKind.Snapshot ? 0 : u.Sequence)).DefaultIfEmpty(0UL).Max();

    public Task WaitUntilAsync(Func<StreamCollector, bool> condition, string what) =>
        Eventually.UntilAsync(() => Error is null ? condition(this) : throw new InvalidOperationException($"The stream failed while waiting until {what}.", Error), what);

    public Task WaitForPositionAsync(ulong sequence) =>
        WaitUntilAsync(c => c.Position >= sequence, $"the stream has delivered through sequence {sequence}");

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        _call.Dispose();
        await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _cancel.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var update in _call.ResponseStream.ReadAllAsync(_cancel.Token))
            {
                lock (_updates) _updates.Add(update);
            }
        }
        catch (Exception e) when (!_cancel.IsCancellationRequested)
        {
            Error = e;
        }
        catch (Exception) when (_cancel.IsCancellationRequested)
        {
        }
        Ended = true;
    }
}
