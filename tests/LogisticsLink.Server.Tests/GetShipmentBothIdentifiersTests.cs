using Google.Rpc;
using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>
/// GetShipment finds a parcel by shipment_id or by carrier + tracking_number. A caller giving both (a stored id beside
/// the number it believes goes with it) must not silently get another parcel than the number names: the two must agree.
/// </summary>
public sealed class GetShipmentBothIdentifiersTests
{
    [Fact]
    public async Task An_id_and_a_number_of_two_different_parcels_are_refused_naming_the_field_that_disagrees()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var client = server.Client();
        var first = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox(0) });
        var second = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox(3) });

        var otherNumber = await Assert.ThrowsAsync<RpcException>(() => client.GetShipmentAsync(new GetShipmentRequest
        {
            ShipmentId = first.Id, Carrier = "sandbox", TrackingNumber = second.TrackingNumber,
        }).ResponseAsync);
        var unknownNumber = await Assert.ThrowsAsync<RpcException>(() => client.GetShipmentAsync(new GetShipmentRequest
        {
            ShipmentId = first.Id, TrackingNumber = Numbers.Sandbox(0),
        }).ResponseAsync);
        var otherCarrier = await Assert.ThrowsAsync<RpcException>(() => client.GetShipmentAsync(new GetShipmentRequest
        {
            ShipmentId = first.Id, Carrier = "ups",
        }).ResponseAsync);

        AssertViolation(otherNumber, "tracking_number", first.Id);
        AssertViolation(unknownNumber, "tracking_number", first.Id);
        AssertViolation(otherCarrier, "carrier", first.Id);
    }

    [Fact]
    public async Task An_id_with_its_own_number_in_any_written_form_answers_that_parcel()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var client = server.Client();
        var tracked = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox(0) });
        var grouped = $"{tracked.TrackingNumber[..4].ToLowerInvariant()} {tracked.TrackingNumber[4..9]}-{tracked.TrackingNumber[9..]}";

        var withNumber = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = tracked.Id, TrackingNumber = grouped });
        var withBoth = await client.GetShipmentAsync(new GetShipmentRequest
        {
            ShipmentId = tracked.Id, Carrier = " Sandbox ", TrackingNumber = tracked.TrackingNumber,
        });

        Assert.Equal(tracked.Id, withNumber.Id);
        Assert.Equal(tracked.Id, withBoth.Id);
    }

    private static void AssertViolation(RpcException error, string field, string shipmentId)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal(field, violation.Field);
        Assert.Contains(shipmentId, violation.Description, StringComparison.Ordinal);
    }
}
