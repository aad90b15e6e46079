using Grpc.Core;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>Invariant 2: a subscriber that stops reading costs only itself, and loses nothing once it reads again.</summary>
public sealed class SlowSubscriberTests
{
    [Fact]
    public async Task A_subscriber_that_never_reads_does_not_delay_another_and_later_gets_everything()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Scheduler:Enabled"] = "false",
            ["Streams:SubscriberBufferSize"] = "16",
        });
        var client = server.Client();

        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        // The stalled call: opened, then never read, until the end.
        using var stalled = client.WatchShipments(new WatchShipmentsRequest { ResumeAfterSequence = 1 });
        await stalled.ResponseHeadersAsync;
        await using var reader = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = 1 });

        // Big labels: a few hundred changes overflow HTTP/2 flow-control windows and the subscriber queue.
        var bulky = Enumerable.Range(0, 32).ToDictionary(i => $"label{i}", i => new string((char)('a' + i % 26), 256));
        for (var i = 0; i < 300; i++)
        {
            await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox(), Labels = { bulky } });
        }
        await reader.WaitForPositionAsync(301);
        Assert.Equal(Enumerable.Range(2, 300).Select(i => (ulong)i), reader.Changes.Select(c => c.Sequence));

        var late = new List<ulong>();
        await foreach (var update in stalled.ResponseStream.ReadAllAsync())
        {
            if (update.Change is not null)
            {
                late.Add(update.Sequence);
            }
            if (update.Sequence == 301 || update.Heartbeat?.LatestSequence >= 301)
            {
                break;
            }
        }
        Assert.Equal(Enumerable.Range(2, 300).Select(i => (ulong)i), late);
    }

    [Fact]
    public async Task A_subscriber_that_reads_steadily_but_slowly_is_not_reset_while_a_long_replay_reaches_it()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Scheduler:Enabled"] = "false",
            ["Streams:WriteTimeout"] = "00:00:03",
        });
        var client = server.Client();
        var bulky = Enumerable.Range(0, 32).ToDictionary(i => $"label{i}", i => new string((char)('a' + i % 26), 256));
        const int changes = 400;
        for (var i = 0; i < changes; i++)
        {
            await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox(), Labels = { bulky } });
        }

        // One replay batch of about 3.5 MB, read at under 1 MB/s (a slow link): it takes longer than the write timeout
        // to arrive, though the client never stops reading for anything like as long.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var call = client.WatchShipments(new WatchShipmentsRequest { ResumeAfterSequence = 1 }, cancellationToken: deadline.Token);
        var received = new List<ulong>();
        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var update in call.ResponseStream.ReadAllAsync(deadline.Token))
            {
                if (update.Change is null)
                {
                    continue;
                }
                received.Add(update.Sequence);
                if (update.Sequence == changes)
                {
                    break;
                }
                await Task.Delay(10);
            }
        });

        Assert.True(error is null, $"{error?.Message} after {received.Count} changes, the last {received.LastOrDefault()}");
        Assert.Equal(Enumerable.Range(2, changes - 1).Select(i => (ulong)i), received);
    }

    [Fact]
    public async Task A_subscriber_that_stops_reading_for_the_write_timeout_is_reset_and_resumes_from_what_it_received()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Scheduler:Enabled"] = "false",
            ["Streams:WriteTimeout"] = "00:00:01",
            ["Streams:ReplayBatchSize"] = "20",
        });
        var client = server.Client();
        var bulky = Enumerable.Range(0, 32).ToDictionary(i => $"label{i}", i => new string((char)('a' + i % 26), 256));
        for (var i = 0; i < 300; i++)
        {
            await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox(), Labels = { bulky } });
        }

        // Opened on a backlog of 299 bulky changes, then not read: the replay fills the flow-control windows and stalls.
        using (var stalled = client.WatchShipments(new WatchShipmentsRequest { ResumeAfterSequence = 1 }))
        {
            await stalled.ResponseHeadersAsync;
            var hub = server.Get<ChangeHub>();
            await Eventually.UntilAsync(() => hub.SubscriberCount == 0, "the server gave up on the stalled call");

            var received = new List<ulong>();
            var error = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (var update in stalled.ResponseStream.ReadAllAsync())
                {
                    received.Add(update.Sequence);
                }
            });
            // Kestrel resets a stream whose write was cancelled mid-way (and the client drops what it had buffered), so
            // no status reaches the client: it resumes from the last update it read, as the .NET client does on INTERNAL.
            Assert.Equal(StatusCode.Internal, error.StatusCode);
            Assert.Equal(Enumerable.Range(2, received.Count).Select(i => (ulong)i), received);

            var last = received.Count > 0 ? received[^1] : 1;
            await using var resumed = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = last });
            await resumed.WaitForPositionAsync(300);
            Assert.Equal(Enumerable.Range((int)last + 1, 300 - (int)last).Select(i => (ulong)i), resumed.Changes.Select(c => c.Sequence));
        }
    }
}
