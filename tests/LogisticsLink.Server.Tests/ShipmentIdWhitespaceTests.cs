using Google.Rpc;
using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>
/// A shipment id copied from a log, a spreadsheet or a chat arrives with spaces or a line break around it. GetShipment
/// and WatchShipments read it trimmed, as the support calls read shipment_id and every call reads order_id, so the
/// parcel is answered and watched rather than NOT_FOUND or a stream that silently matches nothing; an id that is only
/// white space is still refused on its field.
/// </summary>
public sealed class ShipmentIdWhitespaceTests
{
    private static readonly Dictionary<string, string> NoScheduler = new() { ["Scheduler:Enabled"] = "false" };

    [Fact]
    public async Task GetShipment_answers_the_parcel_of_an_id_pasted_with_spaces_or_a_line_break()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        var tracked = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        var spaced = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = $"  {tracked.Id} " });
        var withNewline = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = $"{tracked.Id}\r\n" });
        var withNumber = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = $"\t{tracked.Id}\n", TrackingNumber = tracked.TrackingNumber });

        Assert.Equal((tracked.Id, tracked.Id, tracked.Id), (spaced.Id, withNewline.Id, withNumber.Id));
    }

    [Fact]
    public async Task GetShipment_refuses_an_id_of_white_space_on_shipment_id_and_names_an_unknown_id_trimmed()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();

        var blank = await Assert.ThrowsAsync<RpcException>(() => client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = " \n " }).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = " shp_unknown\n" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, blank.StatusCode);
        Assert.Equal("shipment_id", Assert.Single(blank.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'shp_unknown'", unknown.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchShipments_watches_the_parcel_of_an_id_pasted_with_spaces_or_a_line_break()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        var watched = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true, ShipmentIds = { $" {watched.Id}\n" } });
        await watcher.WaitUntilAsync(c => c.Updates.Any(u => u.Heartbeat is not null), "the snapshot and the heartbeat arrived");
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = watched.TrackingNumber, Labels = { ["k"] = "v" } });
        await watcher.WaitUntilAsync(c => c.Changes.Any(u => u.Change.Kind == ChangeKind.DetailsChanged), "the label change arrived");

        Assert.Equal([ChangeKind.Snapshot, ChangeKind.DetailsChanged], watcher.Changes.Select(c => c.Change.Kind));
        Assert.All(watcher.Changes, c => Assert.Equal(watched.Id, c.Change.Shipment.Id));
    }

    [Fact]
    public async Task WatchShipments_refuses_an_id_of_white_space_on_shipment_ids()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        var watched = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        using var call = client.WatchShipments(new WatchShipmentsRequest { ShipmentIds = { watched.Id, " \r\n" } });
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("shipment_ids", Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }
}
