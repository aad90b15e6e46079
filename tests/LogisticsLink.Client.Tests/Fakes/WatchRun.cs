using System.Threading.Channels;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Fakes;

/// <summary>
/// Enumerates a watch in the background so the test can advance fake time while the watcher waits, and hands the
/// yielded updates over one by one.
/// </summary>
public sealed class WatchRun : IAsyncDisposable
{
    private readonly Channel<ShipmentUpdate> received = Channel.CreateUnbounded<ShipmentUpdate>();
    private readonly CancellationTokenSource cancellation = new();

    public WatchRun(ShipmentWatcher watcher, WatchShipmentsRequest request)
    {
        Completion = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in watcher.WatchAsync(request, cancellation.Token))
                {
                    received.Writer.TryWrite(update);
                }
            }
            finally
            {
                received.Writer.TryComplete();
            }
        });
    }

    /// <summary>The enumeration: faults with whatever the watcher threw.</summary>
    public Task Completion { get; }

    public async Task<ShipmentUpdate> NextAsync() =>
        await received.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Generous);

    public async Task<IReadOnlyList<ShipmentUpdate>> NextAsync(int count)
    {
        var updates = new List<ShipmentUpdate>();
        for (var i = 0; i < count; i++)
        {
            updates.Add(await NextAsync());
        }

        return updates;
    }

    /// <summary>True when nothing was yielded that the test has not read.</summary>
    public bool NothingPending => received.Reader.Count == 0;

    public void Cancel() => cancellation.Cancel();

    public async ValueTask DisposeAsync()
    {
        cancellation.Cancel();
        try
        {
            await Completion.WaitAsync(TestTimeouts.Generous);
        }
        catch (Exception)
        {
            // The outcome is asserted through Completion by tests that care; disposal only makes sure nothing leaks.
        }

        cancellation.Dispose();
    }
}
