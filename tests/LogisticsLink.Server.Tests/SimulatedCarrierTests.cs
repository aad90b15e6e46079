using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>
/// The embedded default with simulated carriers: the real UPS and FedEx adapters, through the gateway, the scheduler
/// and the store, against the carriers' APIs served by the server's own sandbox.
/// </summary>
public sealed class SimulatedCarrierTests
{
    private static readonly Dictionary<string, string> Simulated = new()
    {
        ["Sandbox:SimulateCarriers"] = "true",
        ["Sandbox:StepInterval"] = "00:00:00.150",
    };

    [Theory]
    [InlineData("", "1Z999AA10123456784", "ups", ShipmentStatus.Delivered)]
    [InlineData("fedex", "123456789010", "fedex", ShipmentStatus.Delivered)]
    [InlineData("fedex", "123456789015", "fedex", ShipmentStatus.Returned)]
    public async Task Real_adapters_follow_a_simulated_parcel_to_its_final_status(string carrier, string number, string expectedCarrier, ShipmentStatus final)
    {
        await using var server = await TestServer.StartAsync(settings: Simulated);
        var client = server.Client();

        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = carrier, TrackingNumber = number });

        Assert.Equal(expectedCarrier, shipment.Carrier);
        await Eventually.UntilAsync(async () =>
            (await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).Status == final,
            $"the {expectedCarrier} parcel is {final}");
        var done = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.True(done.Events.Count >= 4);
        Assert.Contains(expectedCarrier, done.TrackingUrl);
        Assert.False(done.Stale);
    }

    [Fact]
    public async Task Without_simulation_or_credentials_a_real_carrier_is_disabled_not_a_crash()
    {
        await using var server = await TestServer.StartAsync();
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            server.Client().TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "1Z999AA10123456784" }).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, error.StatusCode);
    }
}
