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

    [Theory]
    [InlineData("1Z999AA1\u20130123456784")] // an en dash, as PDFs and mail clients write it
    [InlineData("1Z 999 AA1\u00A00123456784")] // a no-break space from a web page
    [InlineData("1Z999AA10123456784\r\n")] // the end of a line of a pasted CSV
    public async Task A_number_DetectCarrier_reads_through_its_spaces_and_dashes_is_tracked_and_found_the_same(string pasted)
    {
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => s.AddSingleton<ICarrierClient>(new ScriptedCarrier()));
        var client = server.Client();
        var plain = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "1Z999AA10123456784" });

        Assert.Equal("ups", (await client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = pasted })).DetectedCarrier);
        Assert.Equal(plain.Id, (await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = pasted })).Id);
        Assert.Equal(plain.Id, (await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "ups", TrackingNumber = pasted })).Id);
    }

    [Fact]
    public async Task TrackShipment_takes_every_number_DetectCarrier_names_a_carrier_for()
    {
        // DHL eCommerce ids run to 2 + 39 characters; DetectCarrier accepts up to 45 and names "dhl" for this one.
        const string longest = "GM" + "295117322517449412345678901234567890123";
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => s.AddSingleton<ICarrierClient>(new SilentCarrier("dhl")));
        var client = server.Client();

        var detected = await client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = longest });
        Assert.Equal(41, detected.NormalizedTrackingNumber.Length);
        Assert.Equal("dhl", detected.DetectedCarrier);

        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = longest });
        Assert.Equal("dhl", shipment.Carrier);
        Assert.Equal(longest, shipment.TrackingNumber);
        var found = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "dhl", TrackingNumber = longest });
        Assert.Equal(shipment.Id, found.Id);
    }

    [Fact]
    public async Task An_Amazon_Shipping_number_may_name_its_carrier_id()
    {
        // README, Amazon Shipping: carrier id AMZN_UK unless the number is given as AMZN_US:TBA….
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => s.AddSingleton<ICarrierClient>(new SilentCarrier("amazon")));
        var client = server.Client();

        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "amazon", TrackingNumber = "amzn_us:TBA 000000000020" });

        Assert.Equal("AMZN_US:TBA000000000020", shipment.TrackingNumber);
        var found = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "amazon", TrackingNumber = "AMZN_US:TBA000000000020" });
        Assert.Equal(shipment.Id, found.Id);

        // Only Amazon numbers carry a carrier id; anywhere else the colon is still refused.
        var other = await Assert.ThrowsAsync<RpcException>(() =>
            client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dhl", TrackingNumber = "AMZN_US:TBA000000000020" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, other.StatusCode);
        var empty = await Assert.ThrowsAsync<RpcException>(() =>
            client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "amazon", TrackingNumber = "AMZN_US:" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
    }

    [Fact]
    public async Task An_Amazon_Shipping_number_with_its_carrier_id_needs_no_carrier()
    {
        // The carrier id and the TBA number it precedes both say Amazon Shipping, as the number alone would.
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => s.AddSingleton<ICarrierClient>(new SilentCarrier("amazon")));
        var client = server.Client();

        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "AMZN_US:TBA000000000030" });

        Assert.Equal(("amazon", "AMZN_US:TBA000000000030"), (shipment.Carrier, shipment.TrackingNumber));
        var found = await client.GetShipmentAsync(new GetShipmentRequest { TrackingNumber = "amzn_us:tba000000000030" });
        Assert.Equal(shipment.Id, found.Id);
        var order = await server.Orders().UpsertOrderAsync(new UpsertOrderRequest
        {
            Order = new Order { Channel = "amazon", OrderId = "113-5550001-0000030" },
            Shipments = { new OrderShipment { TrackingNumber = "AMZN_US:TBA000000000030" } },
        });
        Assert.Equal(shipment.Id, Assert.Single(order.Shipments).Id);

        // Before a colon that a number of another carrier follows, nothing is implied: the colon is refused as before.
        var other = await Assert.ThrowsAsync<RpcException>(() =>
            client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "AMZN_US:1Z999AA10123456784" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, other.StatusCode);
    }

    /// <summary>A connector that only makes its carrier enabled; the scheduler is off, so it is never called.</summary>
    private sealed class SilentCarrier(string code) : ICarrierClient
    {
        public string Code => code;
        public TimeSpan? Cadence => null;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(CarrierResult.Success(Domain.Tracking.CarrierSnapshot.NotFound()));
    }
}
