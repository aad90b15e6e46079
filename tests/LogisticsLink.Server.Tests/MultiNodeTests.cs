using Grpc.Core;
using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Storage;
using LogisticsLink.Tests.Shared;
using LogisticsLink.V1;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests;

/// <summary>Several server nodes on one PostgreSQL database (always PostgreSQL, whatever store the run selected).</summary>
public sealed class MultiNodeTests
{
    private static readonly Dictionary<string, string> NoScheduler = new() { ["Scheduler:Enabled"] = "false" };

    [Fact]
    public async Task A_subscriber_hopping_between_nodes_sees_every_change_of_every_node_exactly_once()
    {
        var database = ThrowawayPostgres.CreateDatabase();
        var nodes = new List<TestServer>();
        for (var i = 0; i < 3; i++)
        {
            nodes.Add(await TestServer.StartAsync(settings: NoScheduler, postgresDatabase: database));
        }
        try
        {
            await nodes[0].Client().TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

            // Writers on every node, all the time the subscriber hops.
            var writers = nodes.Select(node => Task.Run(async () =>
            {
                var client = node.Client();
                for (var i = 0; i < 40; i++)
                {
                    var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
                    await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = shipment.TrackingNumber, Labels = { ["n"] = $"{i}" } });
                }
            })).ToArray();

            var received = new List<ulong>();
            ulong position = 1;
            for (var hop = 0; !writers.All(w => w.IsCompleted) || position < await HeadAsync(nodes[0]); hop++)
            {
                var node = nodes[hop % nodes.Count];
                using var call = node.Client().WatchShipments(new WatchShipmentsRequest { ResumeAfterSequence = position });
                // Read a handful, then drop the connection and resume elsewhere.
                for (var read = 0; read < 7 && await call.ResponseStream.MoveNext(); )
                {
                    var update = call.ResponseStream.Current;
                    if (update.Change is not null)
                    {
                        received.Add(update.Sequence);
                        position = update.Sequence;
                        read++;
                    }
                    else if (update.Heartbeat.LatestSequence >= position)
                    {
                        position = update.Heartbeat.LatestSequence;
                        break;
                    }
                }
            }
            await Task.WhenAll(writers);

            var log = await nodes[0].Get<IShipmentStore>().ReadChangesAsync(ChangeQuery.All, 1, 100_000, CancellationToken.None);
            Assert.Equal(240, log.Count);
            Assert.Equal(log.Select(c => (ulong)c.Sequence), received);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Changes_committed_on_one_node_reach_live_subscribers_on_the_others()
    {
        var database = ThrowawayPostgres.CreateDatabase();
        await using var a = await TestServer.StartAsync(settings: NoScheduler, postgresDatabase: database);
        await using var b = await TestServer.StartAsync(settings: NoScheduler, postgresDatabase: database);
        await a.Client().TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await using var onB = StreamCollector.Start(b.Client(), new WatchShipmentsRequest { ResumeAfterSequence = 1 });

        for (var i = 0; i < 10; i++)
        {
            await a.Client().TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        }

        await onB.WaitForPositionAsync(11);
        Assert.Equal(Enumerable.Range(2, 10).Select(i => (ulong)i), onB.Changes.Select(c => c.Sequence));

        // B's cached copy is dropped when A's change reaches B's hub.
        var last = onB.Changes[^1].Change.Shipment;
        var cached = await b.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = last.Id });
        await a.Client().TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = last.TrackingNumber, Labels = { ["k"] = "v" } });
        await Eventually.UntilAsync(async () =>
            (await b.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = last.Id })).Version == cached.Version + 1,
            "node B serves the version committed on node A");
    }

    [Fact]
    public async Task A_dead_nodes_leases_expire_and_another_node_refreshes_its_shipments()
    {
        var database = ThrowawayPostgres.CreateDatabase();
        var settings = new Dictionary<string, string> { ["Scheduler:LeaseDuration"] = "00:00:02" };
        // A node that dies gives nothing back (a stopping one does: the test below).
        var (shipment, leaseUntil) = await StopWhileRefreshingAsync(database, settings, hook =>
            hook.BeforeEach(nameof(IShipmentStore.ReleaseLeasesAsync), _ => throw new InvalidOperationException("the node died")));

        var healthy = await RefreshedByAnotherNodeAsync(database, settings, shipment.Id);

        // The survivor leases only when lease_until <= its now, so the refresh it finished is past the stored lease.
        Assert.True(DateTimeOffset.UtcNow >= leaseUntil, $"refreshed before the lease ended at {leaseUntil:O}");
        Assert.Equal(1, healthy.Calls);
    }

    [Fact]
    public async Task A_stopping_node_gives_back_its_leases_and_another_node_refreshes_at_once()
    {
        var database = ThrowawayPostgres.CreateDatabase();
        // Held for ten minutes otherwise: well past the wait below.
        var settings = new Dictionary<string, string> { ["Scheduler:LeaseDuration"] = "00:10:00" };
        var (shipment, _) = await StopWhileRefreshingAsync(database, settings, _ => { });

        var healthy = await RefreshedByAnotherNodeAsync(database, settings, shipment.Id);

        Assert.Equal(1, healthy.Calls);
    }

    /// <summary>A node leases a shipment, its carrier call hangs, and the node stops: the shipment and its lease's end.</summary>
    private static async Task<(Shipment Shipment, DateTimeOffset LeaseUntil)> StopWhileRefreshingAsync(
        string database, Dictionary<string, string> settings, Action<StoreHook> hook)
    {
        var stuck = new ScriptedCarrier { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        StoreHook? installed = null;
        var node = await TestServer.StartAsync(settings: settings, postgresDatabase: database, services: s =>
        {
            s.AddSingleton<ICarrierClient>(stuck);
            installed = StoreHook.Install(s);
        });
        hook(installed!);
        var shipment = await node.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        await Eventually.UntilAsync(() => stuck.Calls == 1, "the first node leased the shipment and called its carrier");
        var leaseUntil = await LeaseUntilAsync(database, shipment.Id);
        await node.StopAsync();
        return (shipment, leaseUntil);
    }

    /// <summary>Starts another node and waits until it has refreshed the shipment; its carrier.</summary>
    private static async Task<ScriptedCarrier> RefreshedByAnotherNodeAsync(string database, Dictionary<string, string> settings, string shipmentId)
    {
        var healthy = new ScriptedCarrier();
        await using var survivor = await TestServer.StartAsync(settings: settings, postgresDatabase: database,
            services: s => s.AddSingleton<ICarrierClient>(healthy));
        await Eventually.UntilAsync(async () =>
            (await survivor.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipmentId })).Status == ShipmentStatus.InTransit,
            "another node refreshed the shipment", TimeSpan.FromSeconds(30));
        return healthy;
    }

    private static async Task<DateTimeOffset> LeaseUntilAsync(string database, string shipmentId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT lease_until FROM shipments WHERE id = @id", connection);
        query.Parameters.AddWithValue("id", shipmentId);
        return new DateTimeOffset((long)(await query.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    [Fact]
    public async Task Concurrent_max_age_zero_reads_on_two_nodes_make_one_carrier_call()
    {
        var database = ThrowawayPostgres.CreateDatabase();
        var carrier = new ScriptedCarrier();
        var arrivals = new ArrivalCounter();
        void Services(IServiceCollection s)
        {
            s.AddSingleton<ICarrierClient>(carrier);
            s.AddSingleton(arrivals);
            s.Configure<Grpc.AspNetCore.Server.GrpcServiceOptions>(o => o.Interceptors.Add(typeof(ArrivalCounter)));
        }
        await using var a = await TestServer.StartAsync(settings: NoScheduler, postgresDatabase: database, services: Services);
        await using var b = await TestServer.StartAsync(settings: NoScheduler, postgresDatabase: database, services: Services);
        var shipment = await a.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });

        carrier.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = new GetShipmentRequest { ShipmentId = shipment.Id, MaxAge = new Google.Protobuf.WellKnownTypes.Duration() };
        var reads = Enumerable.Range(0, 40)
            .Select(i => (i % 2 == 0 ? a : b).Client().GetShipmentAsync(request).ResponseAsync)
            .ToList();
        await Eventually.UntilAsync(() => arrivals.Arrived >= 41 && carrier.Calls >= 1, "every read reached a node");
        carrier.Gate.SetResult();
        var answers = await Task.WhenAll(reads);

        Assert.Equal(1, carrier.Calls);
        Assert.All(answers, s => Assert.Equal(ShipmentStatus.InTransit, s.Status));
    }

    [Fact]
    public async Task A_scheduled_refresh_that_waited_for_another_nodes_refresh_uses_its_answer_instead_of_asking_again()
    {
        var database = ThrowawayPostgres.CreateDatabase();
        var onDemand = new ScriptedCarrier { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var b = await TestServer.StartAsync(settings: NoScheduler, postgresDatabase: database,
            services: s => s.AddSingleton<ICarrierClient>(onDemand));
        var shipment = await b.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = "1Z999AA10123456784" });
        // Node B asks the carrier on a reader's demand and holds the shipment's refresh lock while it waits.
        var read = b.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id, MaxAge = new Google.Protobuf.WellKnownTypes.Duration() });
        await Eventually.UntilAsync(() => onDemand.Calls == 1, "node B called its carrier");

        // Node A's scheduler leases the due shipment and waits for that lock.
        var scheduled = new ScriptedCarrier();
        await using var a = await TestServer.StartAsync(postgresDatabase: database, services: s => s.AddSingleton<ICarrierClient>(scheduled));
        var tracker = a.Get<LogisticsLink.Server.Tracking.ShipmentTracker>();
        await Eventually.UntilAsync(() => tracker.IsRefreshing(shipment.Id), "node A's scheduler started its refresh");
        onDemand.Gate.SetResult();
        var answered = await read;
        await Eventually.UntilAsync(() => !tracker.IsRefreshing(shipment.Id), "node A's refresh ended");

        Assert.Equal(ShipmentStatus.InTransit, answered.Status);
        Assert.Equal(0, scheduled.Calls);
        Assert.Equal(1, onDemand.Calls);
    }

    private static async Task<ulong> HeadAsync(TestServer node) =>
        (ulong)await node.Get<IShipmentStore>().GetHeadSequenceAsync(CancellationToken.None);
}
