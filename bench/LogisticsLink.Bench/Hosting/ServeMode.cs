using System.Diagnostics;
using System.Text.Json;
using LogisticsLink.Bench.Measurement;
using LogisticsLink.Server.Hosting;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Bench.Hosting;

/// <summary>
/// The child-process side of <see cref="ChildServer"/>: <c>LogisticsLink.Bench serve &lt;server args&gt;</c> runs the real
/// server and answers one-line commands on stdin with one <c>@bench {json}</c> line on stdout, so the parent can read
/// the server's own memory without its load generator in the same heap.
/// </summary>
public static class ServeMode
{
    public const string Verb = "serve";

    /// <summary>The same, serving the bare ceiling service instead of LogisticsLink.</summary>
    public const string CeilingVerb = "serve-ceiling";
    public const string Marker = "@bench ";

    public static async Task<int> RunAsync(string verb, string[] serverArgs)
    {
        await using var app = verb == CeilingVerb ? CeilingApp.Create(serverArgs) : LogisticsLinkApp.Create(serverArgs);
        await app.StartAsync();
        Reply(new { ready = true });
        var store = app.Services.GetService<IShipmentStore>();
        var hub = app.Services.GetService<ChangeHub>();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }
            if (words[0] == "stop")
            {
                break;
            }
            try
            {
                Reply(words[0] switch
                {
                    "stats" => await StatsAsync(store, hub),
                    "hub" when hub is not null && store is not null =>
                        new { subscribers = hub.SubscriberCount, lastPublished = hub.LastPublished, head = await store.GetHeadSequenceAsync(CancellationToken.None) },
                    "lease" when store is not null => await LeaseAsync(store, words),
                    _ => new { error = $"unknown command '{words[0]}'" },
                });
            }
            catch (Exception e)
            {
                Reply(new { error = e.ToString() });
            }
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StopAsync(timeout.Token);
        return 0;
    }

    private static async Task<object> StatsAsync(IShipmentStore? store, ChangeHub? hub)
    {
        var memory = MemorySnapshot.TakeAfterFullGc();
        return new
        {
            residentBytes = memory.ResidentBytes,
            managedBytes = memory.ManagedBytes,
            subscribers = hub?.SubscriberCount ?? 0,
            lastPublished = hub?.LastPublished ?? 0,
            head = store is null ? 0 : await store.GetHeadSequenceAsync(CancellationToken.None),
        };
    }

    /// <summary><c>lease NOW_UTC_TICKS LEASE_SECONDS MAX</c>: one scheduler look for due shipments, timed.</summary>
    private static async Task<object> LeaseAsync(IShipmentStore store, string[] words)
    {
        var now = new DateTimeOffset(long.Parse(words[1]), TimeSpan.Zero);
        var leaseFor = TimeSpan.FromSeconds(double.Parse(words[2]));
        var max = int.Parse(words[3]);
        var start = Stopwatch.GetTimestamp();
        var due = await store.LeaseDueAsync(now, leaseFor, max, CancellationToken.None);
        return new { milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds, count = due.Count };
    }

    private static void Reply(object value) => Console.Out.WriteLine(Marker + JsonSerializer.Serialize(value));
}
