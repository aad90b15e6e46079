using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Cli.Output;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Cli;

/// <summary>What <c>watch</c> prints for a user to resume from.</summary>
public sealed class WatchOutputTests
{
    [Fact]
    public void A_heartbeat_line_names_the_commit_time_to_resume_from_with_its_sequence()
    {
        var text = new StringWriter();
        var output = new ShipmentOutput(text, json: false);

        output.WriteUpdate(new ShipmentUpdate
        {
            Heartbeat = new Heartbeat
            {
                LatestSequence = 12,
                ServerTime = new Timestamp { Seconds = 1_795_797_700 },
                LatestCommittedAt = new Timestamp { Seconds = 1_795_797_626, Nanos = 203_631_670 },
            },
        });
        output.WriteUpdate(new ShipmentUpdate { Heartbeat = new Heartbeat { ServerTime = new Timestamp { Seconds = 1_795_797_700 } } });

        var lines = text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("latest sequence 12 (--from-sequence 12 --from-committed-at 2026-11-27T16:40:26.203631670Z)", lines[0]);
        // An empty log: position 0, which `--from-sequence 0` takes back (the whole log from its first change).
        Assert.EndsWith("latest sequence 0 (--from-sequence 0)", lines[1]);
    }
}
