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

    [Fact]
    public async Task A_template_whose_arithmetic_fails_is_refused_on_body_and_a_stored_one_never_fails_the_inquiry()
    {
        await using var server = await TestServer.StartAsync();
        var support = server.Support();
        Task<RpcException> RefusalAsync(string body) => Assert.ThrowsAsync<RpcException>(() => support.UpsertTemplateAsync(new UpsertTemplateRequest
        {
            TemplateId = "sums", Language = "en", Channel = "shopify", Body = body,
        }).ResponseAsync);

        var divided = await RefusalAsync("Order {{ order_id }}: {{ 7 | divided_by: 0 }}");
        var overflow = await RefusalAsync("Order {{ order_id }}: {{ 99999999999999999999999 | times: 99999999999999999999999 }}");

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (divided.StatusCode, overflow.StatusCode));
        Assert.Contains("body: filter error: 'divided_by' divides a number by zero", divided.Status.Detail);
        Assert.Contains("body: filter error: 'times' makes or takes a number out of range", overflow.Status.Detail);

        // A numeric order id makes this one overflow at reply time only: the sample values have none.
        var order = Support.SupportFixtures.Order("5829990042", FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-US");
        order.Order.Channel = "shopify";
        order.Order.MarketplaceId = "";
        order.Order.Status = "UNFULFILLED";
        await server.Orders().UpsertOrderAsync(order);
        var inquiry = new ResolveInquiryRequest { Channel = "shopify", OrderId = "5829990042" };
        var templateId = (await support.ResolveInquiryAsync(inquiry)).Reply.TemplateId;
        await support.UpsertTemplateAsync(new UpsertTemplateRequest
        {
            TemplateId = templateId, Language = "en", Channel = "shopify", Body = "Order {{ order_id }}: {{ order_id | times: 99999999999999999999 }}",
        });

        var answer = await support.ResolveInquiryAsync(inquiry);
        var rendered = await Assert.ThrowsAsync<RpcException>(() => support.RenderReplyAsync(new RenderReplyRequest
        {
            Channel = "shopify", OrderId = "5829990042",
        }).ResponseAsync);

        Assert.Null(answer.Reply);
        Assert.Contains("filter error: 'times' makes or takes a number out of range", answer.ReplyError);
        Assert.Equal(StatusCode.FailedPrecondition, rendered.StatusCode);
        Assert.Contains("filter error: 'times'", rendered.Status.Detail);
    }
}
