using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// Only a reply that may be sent is recorded as sent: one that breaks the order's messaging policy is returned with its
/// findings, unrecorded, and never counts as an answer in the evidence.
/// </summary>
public sealed class RecordedReplyTests
{
    [Fact]
    public async Task A_non_compliant_reply_is_returned_but_not_recorded_nor_counted_as_answered()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        // Not shipped yet, before the promise: the reassuring reply, whatever the sandbox carrier does. (An order the
        // marketplace calls shipped would get shipped_without_tracking.)
        var unshipped = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        unshipped.Order.Status = "Unshipped";
        await server.Orders().UpsertOrderAsync(unshipped);
        var support = server.Support();
        await support.UpsertTemplateAsync(new UpsertTemplateRequest
        {
            TemplateId = "pre_transit_within_promise", Language = "en", Channel = "amazon", Body = "Order {{ order_id }}: we are on it.",
        });
        // A template stored before the lint knew a rule: the API would refuse it now.
        await ExecuteAsync(server, "UPDATE reply_templates SET body = 'Order {{ order_id }}: see www.myshop.example for news.' WHERE template_id = 'pre_transit_within_promise'");
        var received = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1));

        var answer = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", OrderId = orderId, RecordReply = true, ReceivedAt = received });
        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId });

        Assert.False(answer.Reply.Compliant);
        Assert.Contains(answer.Reply.Findings, f => f.Code == "link");
        Assert.False(answer.ReplyRecorded);
        Assert.DoesNotContain(pack.Entries, e => e.Kind == "reply");
        Assert.Equal("unknown", pack.Entries.Single(e => e.Kind == "check" && e.Key == "answered_within_24_hours").Fields["result"]);
    }

    [Fact]
    public async Task A_compliant_reply_is_recorded_and_says_so()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB"));
        var support = server.Support();

        var answer = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", OrderId = orderId, RecordReply = true, ReceivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)),
        });
        var unrecorded = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", OrderId = orderId });
        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId });

        Assert.True(answer.Reply.Compliant);
        Assert.True(answer.ReplyRecorded);
        Assert.False(unrecorded.ReplyRecorded);
        Assert.Single(pack.Entries, e => e.Kind == "reply");
        Assert.Equal("true", pack.Entries.Single(e => e.Kind == "check" && e.Key == "answered_within_24_hours").Fields["result"]);
    }

    [Fact]
    public async Task A_retried_inquiry_records_its_reply_once()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB"));
        var support = server.Support();
        var request = new ResolveInquiryRequest
        {
            Channel = "amazon", OrderId = orderId, RecordReply = true, ReceivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)),
        };

        var first = await support.ResolveInquiryAsync(request);
        var retried = await support.ResolveInquiryAsync(request);
        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId });

        Assert.True(first.ReplyRecorded);
        Assert.True(retried.ReplyRecorded);
        Assert.Equal(first.Reply.Text, retried.Reply.Text);
        Assert.Single(pack.Entries, e => e.Kind == "reply");
    }
}
