using Google.Rpc;
using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// RenderReply, GetEvidence and RegisterClaim take an order's id or name "as in GetOrder": an id longer than any order
/// can have (128 characters, a pasted message or a wrong field) is INVALID_ARGUMENT on order_id there, as GetOrder and
/// ListShipments answer it, not a NOT_FOUND that reads as "this order does not exist".
/// </summary>
public sealed class SupportOrderIdLengthTests
{
    private static readonly string TooLong = new('1', 129);

    [Fact]
    public async Task An_order_id_longer_than_128_characters_is_refused_naming_order_id_by_every_support_rpc()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var support = server.Support();

        var errors = new[]
        {
            await Assert.ThrowsAsync<RpcException>(() => server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = TooLong }).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => support.RenderReplyAsync(new RenderReplyRequest
            {
                Channel = "amazon", OrderId = TooLong, TemplateId = "fbm_delivered",
            }).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = TooLong }).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => support.RegisterClaimAsync(new RegisterClaimRequest
            {
                Channel = "amazon", OrderId = TooLong, Kind = "a_to_z_not_received",
            }).ResponseAsync),
        };
        using var http = Http(server);
        var (status, body) = await GetJsonAsync(http, $"/v1/orders/{TooLong}/evidence?channel=amazon");

        Assert.All(errors, error =>
        {
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == "order_id");
        });
        Assert.Equal(400, status);
        Assert.Contains(body.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray(),
            v => v.GetProperty("field").GetString() == "order_id");
    }

    [Fact]
    public async Task An_order_id_of_128_characters_is_looked_up_and_not_found()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Support().GetEvidenceAsync(new GetEvidenceRequest
        {
            Channel = "amazon", OrderId = TooLong[..128],
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
