using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>Invariant 4: a tenant never sees another tenant's data, on any RPC.</summary>
public sealed class TenantIsolationTests
{
    [Fact]
    public async Task Another_tenants_shipment_is_not_found_on_every_rpc()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var a = server.Client(TestServer.KeyA);
        var b = server.Client(TestServer.KeyB);
        var mine = await a.TrackShipmentAsync(new TrackShipmentRequest
        {
            TrackingNumber = Numbers.Sandbox(), Order = new OrderReference { Channel = "amazon", OrderId = "111-1111111-1111111" },
        });

        var byId = await Assert.ThrowsAsync<RpcException>(() => b.GetShipmentAsync(new GetShipmentRequest { ShipmentId = mine.Id }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, byId.StatusCode);
        var byNumber = await Assert.ThrowsAsync<RpcException>(() => b.GetShipmentAsync(new GetShipmentRequest
        {
            Carrier = "sandbox", TrackingNumber = mine.TrackingNumber,
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, byNumber.StatusCode);
        Assert.Empty((await b.ListShipmentsAsync(new ListShipmentsRequest())).Shipments);
        Assert.Empty((await b.ListShipmentsAsync(new ListShipmentsRequest { OrderId = "111-1111111-1111111" })).Shipments);

        using var watchForeign = b.WatchShipments(new WatchShipmentsRequest { ShipmentIds = { mine.Id } });
        var watchError = await Assert.ThrowsAsync<RpcException>(() => watchForeign.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.NotFound, watchError.StatusCode);

        // B's "everything" stream replays and streams only B's own changes.
        await using var allOfB = StreamCollector.Start(b, new WatchShipmentsRequest
        {
            ResumeAfterSequence = await WatchReplayThenLiveTests.HeadAsync(server),
        });
        var theirs = await b.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = mine.TrackingNumber });
        await a.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await allOfB.WaitForPositionAsync(await WatchReplayThenLiveTests.HeadAsync(server));
        Assert.Equal([theirs.Id], allOfB.Changes.Select(c => c.Change.Shipment.Id));
        Assert.NotEqual(mine.Id, theirs.Id);

        await using var replayOfB = StreamCollector.Start(b, new WatchShipmentsRequest { ResumeAfterSequence = 1 });
        await replayOfB.WaitForPositionAsync(await WatchReplayThenLiveTests.HeadAsync(server));
        Assert.Equal([theirs.Id], replayOfB.Changes.Select(c => c.Change.Shipment.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-valid-key-at-all")]
    public async Task Missing_or_wrong_key_is_unauthenticated(string? key)
    {
        await using var server = await TestServer.StartAsync();
        var client = server.Client(key);
        var unary = await Assert.ThrowsAsync<RpcException>(() => client.ListShipmentsAsync(new ListShipmentsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, unary.StatusCode);
        using var watch = client.WatchShipments(new WatchShipmentsRequest());
        var stream = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Unauthenticated, stream.StatusCode);
    }
}
