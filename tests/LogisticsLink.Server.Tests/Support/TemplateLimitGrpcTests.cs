using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>A template that would pin a core or take gigabytes is refused when it is saved, and the server stays responsive.</summary>
public sealed class TemplateLimitGrpcTests
{
    [Fact]
    public async Task A_runaway_template_is_refused_on_body_naming_the_limit_and_nothing_is_stored()
    {
        await using var server = await TestServer.StartAsync();
        var support = server.Support();

        var loops = await Assert.ThrowsAsync<RpcException>(() => support.UpsertTemplateAsync(new UpsertTemplateRequest
        {
            TemplateId = "spin", Language = "en", Channel = "shopify",
            Body = "{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}Order {{ order_id }}",
        }, deadline: DateTime.UtcNow.AddMinutes(1)).ResponseAsync);
        var doubling = await Assert.ThrowsAsync<RpcException>(() => support.UpsertTemplateAsync(new UpsertTemplateRequest
        {
            TemplateId = "grow", Language = "en", Channel = "shopify",
            Body = "{% assign s = \"xxxxxxxxxx\" %}{% for i in (1..27) %}{% assign s = s | append: s %}{% endfor %}Order {{ order_id }}",
        }, deadline: DateTime.UtcNow.AddMinutes(1)).ResponseAsync);
        var rendered = await Assert.ThrowsAsync<RpcException>(() => support.RenderReplyAsync(new RenderReplyRequest
        {
            TemplateId = "grow", ShipmentId = "shp_unknown",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, loops.StatusCode);
        Assert.Contains("body:", loops.Status.Detail);
        Assert.Contains("range limit is 1000", loops.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, doubling.StatusCode);
        Assert.Contains("body:", doubling.Status.Detail);
        Assert.Contains("filter work limit is 1000000", doubling.Status.Detail);
        Assert.Equal(StatusCode.NotFound, rendered.StatusCode);
    }
}
