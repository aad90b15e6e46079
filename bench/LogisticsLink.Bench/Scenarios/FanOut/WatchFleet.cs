using LogisticsLink.Bench.Measurement;
using LogisticsLink.Client;
using LogisticsLink.Bench.Hosting;

namespace LogisticsLink.Bench.Scenarios.FanOut;

/// <summary>
/// Many subscribers spread over connections as the README advises: at most <see cref="StreamsPerConnection"/> streams
/// per typed client (each its own channel and HTTP/2 connection), below Kestrel's 100-streams-per-connection limit.
/// </summary>
internal sealed class WatchFleet(Uri address) : IAsyncDisposable
{
    public const int StreamsPerConnection = 90;

    private readonly List<LogisticsLinkClient> _clients = [];
    private readonly List<FleetSubscriber> _subscribers = [];
    private readonly CancellationTokenSource _closing = new();
    private LatencyRecorder? _recorder;
    private System.Collections.Concurrent.ConcurrentQueue<(long Revision, long ArrivedAt)>? _deliveries;

    public IReadOnlyList<FleetSubscriber> Subscribers => _subscribers;

    public int Connections => _clients.Count;

    /// <summary>When set, every delivered change's revision label and arrival time, to join with the writes' acknowledgements.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(long Revision, long ArrivedAt)>? Deliveries
    {
        get => Volatile.Read(ref _deliveries);
        set => Volatile.Write(ref _deliveries, value);
    }

    /// <summary>Where subscribers put their publish-to-receive latencies; swapped per measured phase.</summary>
    public LatencyRecorder? Recorder
    {
        get => Volatile.Read(ref _recorder);
        set => Volatile.Write(ref _recorder, value);
    }

    /// <summary>Adds one subscriber per filter and waits until every new stream has its response headers.</summary>
    public async Task AddAsync(IReadOnlyList<IReadOnlyList<string>> filters, CancellationToken cancellationToken)
    {
        var added = new List<(FleetSubscriber Subscriber, LogisticsLinkClient Client)>();
        foreach (var filter in filters)
        {
            var index = _subscribers.Count;
            if (index / StreamsPerConnection >= _clients.Count)
            {
                _clients.Add(LogisticsLinkClient.Create(address, ServerSettings.ApiKey));
            }
            var subscriber = new FleetSubscriber(index, filter);
            _subscribers.Add(subscriber);
            added.Add((subscriber, _clients[index / StreamsPerConnection]));
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (item, _) => await item.Subscriber.OpenAsync(item.Client.Tracking, this, _closing.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await Task.WhenAll(_subscribers.Select(s => s.Completion));
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        _closing.Dispose();
    }
}
