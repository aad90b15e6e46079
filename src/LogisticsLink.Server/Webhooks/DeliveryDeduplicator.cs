using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Webhooks;

/// <summary>What is known about a webhook delivery when it arrives.</summary>
public enum DeliveryState
{
    /// <summary>Not seen recently: claimed now, for the caller to apply.</summary>
    New,

    /// <summary>Claimed by an earlier arrival still being applied: it may yet fail, so this copy must not be acknowledged.</summary>
    InProgress,

    /// <summary>Applied and stored: a redelivery.</summary>
    Done,
}

/// <summary>
/// Remembers recent webhook deliveries so that a redelivery (senders retry on timeouts, and replay on purpose) is
/// answered without touching the store. Bounded by <see cref="WebhookOptions.DedupCapacity"/> (oldest forgotten first)
/// and <see cref="WebhookOptions.DedupWindow"/>. It is an optimisation, not the guarantee: a delivery this node has
/// forgotten, or one another node took, is still harmless, because <c>Tracker.Apply</c> de-duplicates scans.
/// </summary>
public sealed class DeliveryDeduplicator(IOptions<WebhookOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Remembered> _seen = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _order = new();
    private long _serial;

    /// <summary>
    /// <see cref="DeliveryState.New"/> when <paramref name="key"/> was not seen recently; it is then remembered as in
    /// progress until completed, released or forgotten.
    /// </summary>
    public DeliveryState Claim(string key)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        lock (_gate)
        {
            while (_order.TryPeek(out var oldest) && now - oldest.At >= settings.DedupWindow)
            {
                Forget(_order.Dequeue());
            }
            if (_seen.TryGetValue(key, out var seen))
            {
                return seen.Done ? DeliveryState.Done : DeliveryState.InProgress;
            }
            while (_order.Count >= settings.DedupCapacity)
            {
                Forget(_order.Dequeue());
            }
            var entry = new Entry(key, now, ++_serial);
            _seen[key] = new Remembered(entry.Serial, Done: false);
            _order.Enqueue(entry);
            return DeliveryState.New;
        }
    }

    /// <summary>Deliveries remembered now.</summary>
    public int Count
    {
        get { lock (_gate) return _seen.Count; }
    }

    /// <summary>The claimed delivery is stored: from now on a copy of it is a redelivery.</summary>
    public void Complete(string key)
    {
        lock (_gate)
        {
            if (_seen.TryGetValue(key, out var claim))
            {
                _seen[key] = claim with { Done = true };
            }
        }
    }

    /// <summary>Forgets a claim whose delivery was not applied, so that the sender's retry is processed.</summary>
    public void Release(string key)
    {
        lock (_gate)
        {
            _seen.Remove(key);
        }
    }

    /// <summary>Drops a queue entry's claim, unless the key was released and claimed again since (a newer entry).</summary>
    private void Forget(Entry entry)
    {
        if (_seen.TryGetValue(entry.Key, out var claim) && claim.Serial == entry.Serial)
        {
            _seen.Remove(entry.Key);
        }
    }

    private readonly record struct Remembered(long Serial, bool Done);

    private readonly record struct Entry(string Key, DateTimeOffset At, long Serial);
}
