using Google.Protobuf;
using LogisticsLink.Cli;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Cli;

/// <summary>
/// <c>watch --from-sequence</c> through the real CLI connection against a real server (Kestrel on loopback, SQLite in a
/// temp folder): what the server replays depends on how the request says "0".
/// </summary>
public sealed class WatchFromSequenceServerTests
{
    private static readonly Dictionary<string, string> NoScheduler = new() { ["Scheduler:Enabled"] = "false" };

    [Fact]
    public async Task From_sequence_0_replays_a_change_committed_before_the_watch_and_no_position_starts_live()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var parcel = await server.Client().TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        var fromTheStart = await WatchUntilFirstHeartbeatAsync(server, "--from-sequence", "0");
        var live = await WatchUntilFirstHeartbeatAsync(server);

        Assert.Contains(fromTheStart, u => u.UpdateCase == ShipmentUpdate.UpdateOneofCase.Change && u.Change.Shipment.Id == parcel.Id);
        Assert.DoesNotContain(live, u => u.UpdateCase == ShipmentUpdate.UpdateOneofCase.Change);
    }

    /// <summary>Runs <c>watch --json --heartbeats</c> until the server's first heartbeat, then Ctrl+C; returns what it printed.</summary>
    private static async Task<IReadOnlyList<ShipmentUpdate>> WatchUntilFirstHeartbeatAsync(TestServer server, params string[] options)
    {
        var stdout = new StringWriter();
        var synchronizedStdout = TextWriter.Synchronized(stdout);
        var stderr = TextWriter.Synchronized(new StringWriter());
        var app = new CliApp(synchronizedStdout, stderr, _ => null, CliConnection.Connect, TimeProvider.System);
        using var interrupt = new CancellationTokenSource();
        string[] argv = ["--url", server.GrpcAddress.ToString(), "--key", TestServer.KeyA, "watch", "--json", "--heartbeats", .. options];

        var exit = Task.Run(() => app.RunAsync(argv, interrupt.Token));
        await Eventually.UntilAsync(() => exit.IsCompleted || Printed().Any(u => u.UpdateCase == ShipmentUpdate.UpdateOneofCase.Heartbeat),
            "the watch printed its first heartbeat");
        await interrupt.CancelAsync();

        Assert.Equal(130, await exit.WaitAsync(Eventually.DefaultTimeout));
        return Printed();

        IReadOnlyList<ShipmentUpdate> Printed()
        {
            string text;
            lock (synchronizedStdout)
            {
                text = stdout.ToString();
            }

            // Only whole lines: the last one may still be being written.
            return text.Split(Environment.NewLine)[..^1].Select(JsonParser.Default.Parse<ShipmentUpdate>).ToArray();
        }
    }
}
