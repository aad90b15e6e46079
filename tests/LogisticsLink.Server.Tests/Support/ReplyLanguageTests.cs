using Grpc.Core;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>The reply's language: the buyer's, else the marketplace's; one we have no templates for is said, not hidden.</summary>
public sealed class ReplyLanguageTests
{
    [Theory]
    [InlineData("A1PA6795UKMFR9", "de")]
    [InlineData("A13V1IB3VIYZZH", "fr")]
    [InlineData("APJ6JRA9NG5V4", "it")]
    public async Task An_order_without_a_buyer_language_is_answered_in_its_marketplaces(string marketplaceId, string language)
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        var order = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "");
        order.Order.MarketplaceId = marketplaceId;
        await server.Orders().UpsertOrderAsync(order);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = $"Where is {orderId}?", Channel = "amazon" });

        Assert.Equal(language, answer.Reply.Language);
        Assert.True(answer.Reply.Compliant);
    }

    // An order of a marketplace whose buyers write several languages, imported as the Orders API gives it: the marketplace
    // says nothing of the buyer's language (most amazon.com.be buyers write Dutch, which has no templates; amazon.ca's
    // English or French), so the buyer's message decides, and a message in none of the five gets English, never French
    // passed as the buyer's language of preference (marketplaces.md line 620).
    [Theory]
    [InlineData("AMEN7PMS3EDWL", "Goedendag, ik heb mijn pakket nog steeds niet ontvangen. Waar is het? Alvast bedankt", "en")]
    [InlineData("AMEN7PMS3EDWL", "Bonjour, je n'ai toujours pas reçu mon colis. Pouvez-vous me dire où il en est ? Merci", "fr")]
    [InlineData("A2EUQ1WTGCTBG2", "Bonjour, je n'ai toujours pas reçu mon colis. Pouvez-vous me dire où il en est ? Merci", "fr")]
    [InlineData("A2EUQ1WTGCTBG2", "Hello, I have not received my parcel yet. Where is it? Thanks", "en")]
    public async Task An_imported_order_of_a_marketplace_of_several_languages_is_answered_in_the_language_of_the_buyers_message(
        string marketplaceId, string message, string language)
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        var imported = AmazonOrderParser.ParseGetOrder($$"""
            {"order":{"orderId":"{{orderId}}","createdTime":"{{DateTimeOffset.UtcNow.AddDays(-1):O}}","lastUpdatedTime":"{{DateTimeOffset.UtcNow:O}}",
              "salesChannel":{"channelName":"AMAZON","marketplaceId":"{{marketplaceId}}"},
              "fulfillment":{"fulfillmentStatus":"UNSHIPPED","fulfilledBy":"MERCHANT",
                "deliverByWindow":{"latestDateTime":"{{DateTimeOffset.UtcNow.AddDays(5):O}}"} } } }
            """);
        await server.Get<OrderLinker>().UpsertAsync("tenant-a", imported, CancellationToken.None);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { OrderId = orderId, MessageText = message, Channel = "amazon" });

        Assert.Equal((orderId, ""), (answer.Order.OrderId, answer.Order.BuyerLanguage));
        Assert.Equal(language, answer.Reply.Language);
        Assert.True(answer.Reply.Compliant, string.Join("; ", answer.Reply.Findings.Select(f => f.Message)));
    }

    [Fact]
    public async Task A_buyer_language_without_templates_gets_an_english_reply_flagged_and_not_recorded()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        var order = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "nl-NL");
        order.Order.MarketplaceId = "A1805IZSGTT6HS";
        await server.Orders().UpsertOrderAsync(order);
        var support = server.Support();

        var answer = await support.ResolveInquiryAsync(new ResolveInquiryRequest { OrderId = orderId, Channel = "amazon", RecordReply = true });
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            support.RenderReplyAsync(new RenderReplyRequest { OrderId = orderId, Channel = "amazon" }).ResponseAsync);
        // Asking for English outright is the agent's choice: nothing to flag.
        var english = await support.RenderReplyAsync(new RenderReplyRequest { OrderId = orderId, Channel = "amazon", Language = "en" });

        Assert.Equal("en", answer.Reply.Language);
        Assert.False(answer.Reply.Compliant);
        Assert.Equal("language", Assert.Single(answer.Reply.Findings).Code);
        Assert.Contains("nl-NL", answer.Reply.Findings[0].Message, StringComparison.Ordinal);
        Assert.False(answer.ReplyRecorded);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("language", refused.Status.Detail, StringComparison.Ordinal);
        Assert.True(english.Compliant);
    }

    // RenderReply's language is the agent's explicit choice among the five: one without templates is refused, naming the
    // field and the languages there are, not silently rendered in another (ResolveInquiry's is the buyer's, a hint that
    // falls back to English with a "language" finding).
    [Theory]
    [InlineData("nl")]
    [InlineData("pt-BR")]
    public async Task RenderReply_refuses_a_language_without_templates_naming_the_field_and_the_languages_there_are(string language)
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB"));
        var support = server.Support();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            support.RenderReplyAsync(new RenderReplyRequest { OrderId = orderId, Channel = "amazon", Language = language }).ResponseAsync);
        var resolved = await support.ResolveInquiryAsync(new ResolveInquiryRequest { OrderId = orderId, Channel = "amazon", Language = language });

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains($"language: '{language}'", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("en, fr, de, es, it", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("en", resolved.Reply.Language);
    }

    // No order found, so neither the order's buyer language nor its marketplace: a message plainly written in one of
    // the five languages is answered in it, rather than in English.
    [Theory]
    [InlineData("Bonjour, je n'ai toujours pas reçu mon colis. Pouvez-vous me dire où il en est ? Merci", "fr", "Bonjour,")]
    [InlineData("Hallo, ich habe mein Paket noch nicht bekommen. Wo ist es? Vielen Dank", "de", "Guten Tag,")]
    [InlineData("Hola, todavía no he recibido mi paquete. ¿Dónde está? Gracias", "es", "Hola:")]
    [InlineData("Buongiorno, non ho ancora ricevuto il mio pacco. Dove si trova? Grazie", "it", "Buongiorno,")]
    [InlineData("Hello, I have not received my parcel yet. Where is it? Thanks", "en", "Hello,")]
    [InlineData("LLSB000000000", "en", "Hello,")]
    public async Task A_message_that_finds_no_order_is_answered_in_the_language_it_is_written_in(string message, string language, string greeting)
    {
        await using var server = await TestServer.StartAsync();

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = message, Channel = "amazon" });

        Assert.Equal(("no_order_found", language), (answer.Reply.TemplateId, answer.Reply.Language));
        Assert.StartsWith(greeting, answer.Reply.Text, StringComparison.Ordinal);
        Assert.True(answer.Reply.Compliant, string.Join("; ", answer.Reply.Findings.Select(f => f.Message)));
    }

    [Fact]
    public async Task A_message_naming_several_orders_is_answered_in_its_language_and_the_requested_language_still_wins()
    {
        await using var server = await TestServer.StartAsync();
        var (first, second) = (AmazonId(), AmazonId());
        await server.Orders().UpsertOrderAsync(Order(first, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB"));
        await server.Orders().UpsertOrderAsync(Order(second, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB"));
        var message = $"Guten Tag, ich warte noch auf meine Bestellungen {first} und {second}. Wann kommen die Pakete an? Danke";

        var several = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = message, Channel = "amazon" });
        var requested = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = message, Channel = "amazon", Language = "it-IT" });

        Assert.Equal(("several_orders_found", "de"), (several.Reply.TemplateId, several.Reply.Language));
        Assert.True(several.Ambiguous);
        Assert.Equal("it", requested.Reply.Language);
    }
}
