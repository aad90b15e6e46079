using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// A helpdesk's "no date" (0001-01-01, what an unset DateTimeOffset serializes to) or a year typed wrong is no moment a
/// buyer wrote or a claim was opened: recorded, it would date a reply's message or a claim's clock centuries back (the
/// evidence's 24-hour check failing, a claim due before it was opened). Refused like every other date of an order or a
/// parcel, naming the field, over gRPC and HTTP/JSON alike, and nothing is stored.
/// </summary>
public sealed class PlaceholderDateTests
{
    private static readonly Timestamp NoDate = Timestamp.FromDateTimeOffset(DateTimeOffset.MinValue);

    [Fact]
    public async Task ResolveInquiry_refuses_a_received_at_before_1970_naming_it_over_grpc_and_http()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));

        var grpc = await Assert.ThrowsAsync<RpcException>(() => server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            OrderId = orderId, Channel = "amazon", ReceivedAt = NoDate, RecordReply = true,
        }).ResponseAsync);
        using var http = Http(server);
        var (status, body) = await PostJsonAsync(http, "/v1/inquiries:resolve", new
        {
            orderId, channel = "amazon", receivedAt = "1969-12-31T23:59:59Z", recordReply = true,
        });

        Assert.Equal(StatusCode.InvalidArgument, grpc.StatusCode);
        Assert.Equal("received_at", Assert.Single(grpc.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Equal(400, status);
        Assert.Equal("received_at", Assert.Single(body.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray()).GetProperty("field").GetString());
        var evidence = await server.Support().GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId });
        Assert.DoesNotContain(evidence.Entries, e => e.Kind == "reply");
    }

    [Fact]
    public async Task RegisterClaim_refuses_an_opened_at_before_1970_naming_it_and_opens_no_claim()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Support().RegisterClaimAsync(new RegisterClaimRequest
        {
            Channel = "amazon", OrderId = orderId, Kind = "a_to_z_not_received", OpenedAt = NoDate,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("opened_at", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Empty((await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = orderId })).Claims);
    }
}
