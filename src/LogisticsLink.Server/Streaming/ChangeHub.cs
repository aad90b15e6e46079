using System.Collections.Concurrent;
using System.Threading.Channels;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Streaming;

/// <summary>
/// Fans committed changes out to live subscribers (and to the shipment cache), strictly in sequence order and never
/// waiting on a subscriber.
/// A single pump publishes: commits hand it their record directly (the fast path), and it reads the log itself to
/// fill any hole and, every <see cref="StreamOptions.LogPollInterval"/>, to pick up changes it was not told about.
/// </summary>
public sealed partial class ChangeHub : BackgroundService
{
    private readonly IShipmentStore store;
    private readonly ShipmentCache cache;
    private readonly IOptions<StreamOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<ChangeHub> logger;

    // Either a change committed here (published directly) or a hint that another node advanced the log to a sequence.
    private readonly Channel<(ChangeRecord? Committed, long Hint)> _inbox = Channel.CreateBounded<(ChangeRecord?, long)>(new BoundedChannelOptions(8192)
    {
        // A full inbox only means the pump is behind; it will find the dropped records in the log.
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
        SingleWriter = false,
    });

    // Changed only under _subscribersLock; the pump reads without locking.
    private readonly ConcurrentDictionary<string, TenantSubscribers> _byTenant = new(StringComparer.Ordinal);
    private readonly Lock _subscribersLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _lastPublished;
    private int _subscriberCount;

    public ChangeHub(
        IShipmentStore store, ShipmentCache cache, IOptions<StreamOptions> options, TimeProvider time,
        IHostApplicationLifetime lifetime, ILogger<ChangeHub> logger)
    {
        this.store = store;
        this.cache = cache;
        this.options = options;
        this.time = time;
        this.logger = logger;
        // Kestrel waits for open calls before hosted services stop, and streams never end by themselves: end them as
        // soon as shutdown begins, so clients reconnect elsewhere with their resume sequence.
        lifetime.ApplicationStopping.Register(EndAllStreams);
    }

    /// <summary>Every change up to this sequence has been offered to every subscriber registered at the time.</summary>
    public long LastPublished => Volatile.Read(ref _lastPublished);

    public int SubscriberCount => Volatile.Read(ref _subscriberCount);

    /// <summary>Cancelled when the server begins shutting down; streams end with UNAVAILABLE.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Told by the writer right after a commit. Never blocks.</summary>
    public void OnCommitted(ChangeRecord change) => _inbox.Writer.TryWrite((change, change.Sequence));

    /// <summary>Told by the store's listener that another process committed up to <paramref name="sequence"/>.</summary>
    public void OnLogAdvanced(long sequence) => _inbox.Writer.TryWrite((null, sequence));

    public Subscriber Subscribe(string tenantId, IReadOnlySet<string> shipmentIds, IReadOnlySet<LogisticsLink.Domain.Shipments.TrackingStatus> statuses)
    {
        var subscriber = new Subscriber(tenantId, shipmentIds, statuses, options.Value.SubscriberBufferSize);
        lock (_subscribersLock)
        {
            _byTenant.GetOrAdd(tenantId, static _ => new TenantSubscribers()).Add(subscriber);
            _subscriberCount++;
        }
        if (_stopping.IsCancellationRequested)
        {
            subscriber.Complete();
        }
        return subscriber;
    }

    public void Unsubscribe(Subscriber subscriber)
    {
        lock (_subscribersLock)
        {
            if (_byTenant.TryGetValue(subscriber.TenantId, out var tenant) && tenant.Remove(subscriber))
            {
                if (tenant.IsEmpty)
                {
                    _byTenant.TryRemove(subscriber.TenantId, out _);
                }
                _subscriberCount--;
            }
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Live subscribers only want what is committed from now on; history is served from the log.
        _lastPublished = await store.GetHeadSequenceAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        EndAllStreams();
        await base.StopAsync(cancellationToken);
    }

    private void EndAllStreams()
    {
        _stopping.Cancel();
        foreach (var tenant in _byTenant.Values)
        {
            tenant.CompleteAll();
        }
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = ListenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PumpOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPumpFailed(e);
                await Task.Delay(options.Value.LogPollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        await listener;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.ListenForChangesAsync(OnLogAdvanced, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Hints are an optimization: the periodic log read still delivers everything meanwhile.
                LogListenFailed(e);
                await Task.Delay(options.Value.LogPollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task PumpOnceAsync(CancellationToken stoppingToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        poll.CancelAfter(options.Value.LogPollInterval);
        bool signalled;
        try
        {
            signalled = await _inbox.Reader.WaitToReadAsync(poll.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            signalled = false;
        }
        if (!signalled)
        {
            await PublishFromLogAsync(long.MaxValue, stoppingToken);
            return;
        }
        while (_inbox.Reader.TryRead(out var signal))
        {
            if (signal.Committed is not { } change)
            {
                await PublishFromLogAsync(long.MaxValue, stoppingToken);
                continue;
            }
            if (change.Sequence <= _lastPublished)
            {
                continue;
            }
            if (change.Sequence > _lastPublished + 1)
            {
                await PublishFromLogAsync(change.Sequence - 1, stoppingToken);
            }
            if (change.Sequence == _lastPublished + 1)
            {
                Publish(change);
            }
        }
    }

    private async Task PublishFromLogAsync(long upTo, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.ReplayBatchSize;
        while (_lastPublished < upTo)
        {
            var batch = await store.ReadChangesAsync(ChangeQuery.All, _lastPublished, batchSize, cancellationToken);
            foreach (var change in batch)
            {
                if (change.Sequence > upTo)
                {
                    return;
                }
                Publish(change);
            }
            if (batch.Count < batchSize)
            {
                return;
            }
        }
    }

    private void Publish(ChangeRecord change)
    {
        // Other nodes' commits reach this node only here: the cached copy is out of date.
        cache.Invalidate(change.ShipmentId);
        if (_byTenant.TryGetValue(change.TenantId, out var tenant))
        {
            // Only the change's own candidates: the shipment's watchers and the tenant-wide ones, never the whole tenant.
            // The record goes to the queues as it is: each stream frames its stored payload, nothing is parsed here.
            if (tenant.WatchersOf(change.ShipmentId) is { } watchers)
            {
                Offer(watchers, change);
            }
            Offer(tenant.TenantWide, change);
        }
        // After the offers: a reader that sees this value knows every change up to it is already in its queue.
        Volatile.Write(ref _lastPublished, change.Sequence);
    }

    private static void Offer(Subscriber[] candidates, ChangeRecord change)
    {
        foreach (var subscriber in candidates)
        {
            if (subscriber.MatchesStatus(change.Status))
            {
                subscriber.Offer(change);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other nodes' commits failed; relying on the periodic log read until it reconnects.")]
    private partial void LogListenFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The change hub could not read the change log; retrying.")]
    private partial void LogPumpFailed(Exception exception);
}
