using Grpc.Core;
using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests;

/// <summary>DetectCarrier and TrackShipment's auto-detection, end to end.</summary>
public sealed class DetectCarrierTests
{
    [Fact]
    public async Task DetectCarrier_ranks_candidates_and_names_the_detected_carrier()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var client = server.Client();

        var ups = await client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = "1z 999 aa1-0123456784" });
        Assert.Equal("1Z999AA10123456784", ups.NormalizedTrackingNumber);
        Assert.Equal("ups", ups.DetectedCarrier);
        Assert.True(ups.Candidates[0].ChecksumValid);

        var ambiguous = await client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = "9261292700768711948021" });
        Assert.Equal("", ambiguous.DetectedCarrier);
        Assert.Equal(["fedex", "usps"], ambiguous.Candidates.Select(c => c.Carrier).Order());

        var garbage = await Assert.ThrowsAsync<RpcException>(() => client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = "hello world!" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, garbage.StatusCode);
    }

    [Fact]
    public async Task TrackShipment_without_a_carrier_uses_the_detected_one()
    {
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => s.AddSingleton<ICarrierClient>(new ScriptedCarrier()));
        var client = server.Client();

        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "1Z999AA10123456784" });

        Assert.Equal("ups", shipment.Carrier);
        var ambiguous = await Assert.ThrowsAsync<RpcException>(() =>
            client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "9261292700768711948021" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ambiguous.StatusCode);
        Assert.Contains("usps", ambiguous.Status.Detail);
        Assert.Contains("fedex", ambiguous.Status.Detail);
    }
}
