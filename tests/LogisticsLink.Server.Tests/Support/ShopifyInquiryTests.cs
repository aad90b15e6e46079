using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tests.Marketplaces;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// Shopify orders are stored under Shopify's numeric id while buyers quote the order's name ("#1002", or just
/// "1002"): ResolveInquiry finds them by either, in buyers' own words, and reports two orders rather than guess.
/// </summary>
public sealed class ShopifyInquiryTests
{
    private static UpsertOrderRequest ShopifyOrder(string orderId, string name, string language, params string[] numbers)
    {
        var request = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), language, numbers);
        request.Order.Channel = "shopify";
        request.Order.MarketplaceId = "";
        request.Order.Status = "FULFILLED";
        request.Order.OrderName = name;
        return request;
    }

    public static TheoryData<string, string, string> Messages => new()
    {
        // message, the channel it came through, the order it is about
        { "Bonjour,\nOù est ma commande #1002 ? Je l'attends depuis une semaine.\n--\nMarie Dupont, 06 12 34 56 78", "shopify", "5820001002" },
        { "Hallo, wo bleibt meine Bestellung 1002? PLZ 10115 Berlin.\nMfG Hans\nTel. 030 1234567", "shopify", "5820001002" },
        { "Hola, mi pedido n.º 1002 no ha llegado. Pagué 45,99 € el 10/03/2025. Gracias", "", "5820001002" },
        { "Buongiorno, l'ordine 5820001002 non è ancora arrivato. Cordiali saluti, Luca (cell. 333 123 4567)", "shopify", "5820001002" },
        // Quoted replies and other numbers: the shaped reference wins over bare numbers (a year, an earlier order's number).
        { "Hi, any news on #1002? Ordered on 3 March 2025.\n\n> On 1 March you wrote:\n> Your order 1001 has shipped.", "shopify", "5820001002" },
        { "Guten Tag, Bestellung #1003 vom 3. März 2025 fehlt noch.", "shopify", "5820001003" },
        // Through no named channel, a number written as an order's is tried as a Shopify order because nothing else matched.
        { "Where is order 1003 please?", "", "5820001003" },
        // The number written as an order's picks it; another order's number in the signature's address only proposes one.
        { "Hola, mi pedido n.º 1002 no ha llegado.\nAna García\nCalle Mayor 1003, 28013 Madrid", "shopify", "5820001002" },
        { "Hi, where is order 1002?\n--\nBob Smith, 1003 Main Street, Springfield", "", "5820001002" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_buyers_message_finds_the_Shopify_order_by_its_name_or_its_numeric_id(string message, string channel, string expected)
    {
        await using var server = await TestServer.StartAsync();
        await SeedAsync(server);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = message, Channel = channel });

        Assert.False(answer.Ambiguous, string.Join(", ", answer.Candidates.Select(c => $"{c.OrderId} ({c.MatchedBy})")));
        Assert.Equal(("shopify", expected), (answer.Order?.Channel, answer.Order?.OrderId));
        Assert.Equal("#" + expected[^4..], answer.Order!.OrderName);
        Assert.Contains(answer.Matches, m => m.Kind == "order_id" && m.Candidates.Contains("shopify") && message.Substring(m.Start, m.Length).TrimStart('#') is var quoted
            && (quoted == expected || quoted == expected[^4..]));
        Assert.Contains("#" + expected[^4..], answer.Reply.Text);
        Assert.NotEqual(RecommendedAction.AskForOrderId, answer.Action);
    }

    public static TheoryData<string, string, string[]> UnmarkedNumbers => new()
    {
        // message, the channel it came through, the orders proposed as candidates (never picked)
        { "Hi, my parcel to 1003 Main Street has not arrived.", "amazon", [] },
        { "Where is order 1003 please?", "amazon", [] },
        { "Hallo, mein Paket an Hauptstraße 1003 ist nicht da.", "ebay", [] },
        { "Hi, my parcel to 1003 Main Street has not arrived.", "shopify", ["5820001003"] },
        { "Hi, my parcel to 1003 Main Street has not arrived.", "", ["5820001003"] },
    };

    [Theory]
    [MemberData(nameof(UnmarkedNumbers))]
    public async Task A_street_number_never_gives_the_buyer_another_buyers_order(string message, string channel, string[] proposed)
    {
        await using var server = await TestServer.StartAsync();
        await SeedAsync(server);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = message, Channel = channel });

        Assert.Null(answer.Order);
        Assert.Empty(answer.Shipments);
        Assert.Equal(proposed, answer.Candidates.Select(c => c.OrderId));
        Assert.Equal(RecommendedAction.AskForOrderId, answer.Action);
        Assert.DoesNotContain("#1003", answer.Reply.Text);
        Assert.DoesNotContain(Numbers.Sandbox(0), answer.Reply.Text);
    }

    [Fact]
    public async Task A_year_or_a_phone_number_alone_never_picks_another_buyers_order()
    {
        await using var server = await TestServer.StartAsync();
        await SeedAsync(server);
        var support = server.Support();

        var dated = await support.ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = "I ordered on 3 March 2025, where is my parcel?", Channel = "shopify" });
        var signed = await support.ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = "Dov'è il mio pacco? Luca, cell. 333 100 1003", Channel = "shopify" });
        var named = await support.ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = "Where is order #2025?", Channel = "shopify" });

        Assert.All(new[] { dated, signed }, answer =>
        {
            Assert.Null(answer.Order);
            Assert.Empty(answer.Candidates);
            Assert.Equal(RecommendedAction.AskForOrderId, answer.Action);
        });
        Assert.Equal("5820002025", named.Order?.OrderId);
    }

    [Fact]
    public async Task Two_Shopify_orders_named_in_one_message_are_reported_not_guessed()
    {
        await using var server = await TestServer.StartAsync();
        await SeedAsync(server);
        var support = server.Support();

        var both = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            MessageText = "J'ai passé deux commandes, #1001 et #1002, et rien reçu.", Channel = "shopify",
        });
        var bare = await support.ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = "Bestellungen 1001 und 1003?", Channel = "shopify" });
        var listed = await support.ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = "Mes commandes 1001, 1002 et 1003 ?", Channel = "shopify" });
        var unknown = await support.ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = "Bestellung 4711, bitte", Channel = "shopify" });

        Assert.True(both.Ambiguous);
        Assert.Null(both.Order);
        Assert.Equal(["5820001001", "5820001002"], both.Candidates.Select(c => c.OrderId).Order());
        Assert.All(both.Candidates, c => Assert.StartsWith("order_name #100", c.MatchedBy));
        Assert.Equal(RecommendedAction.AskForOrderId, both.Action);
        Assert.True(bare.Ambiguous);
        Assert.Equal(["5820001001", "5820001003"], bare.Candidates.Select(c => c.OrderId).Order());
        Assert.True(listed.Ambiguous);
        Assert.Equal(["5820001001", "5820001002", "5820001003"], listed.Candidates.Select(c => c.OrderId).Order());
        Assert.Null(unknown.Order);
        Assert.Equal(RecommendedAction.AskForOrderId, unknown.Action);
        Assert.DoesNotContain(unknown.Matches, m => m.Value == "4711");
    }

    [Fact]
    public async Task The_order_name_is_set_by_UpsertOrder_returned_by_GetOrder_and_ListOrders_and_checked()
    {
        await using var server = await TestServer.StartAsync();
        var orders = server.Orders();
        var manual = ShopifyOrder("W-2025-0042", "  Webshop 42  ", "en-GB");
        manual.Order.Channel = "manual";

        var upserted = await orders.UpsertOrderAsync(ShopifyOrder("5820001001", "#1001", "en-GB"));
        await orders.UpsertOrderAsync(manual);
        var got = await orders.GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "5820001001" });
        var listed = await orders.ListOrdersAsync(new ListOrdersRequest());
        var tooLong = await Assert.ThrowsAsync<RpcException>(() => orders.UpsertOrderAsync(ShopifyOrder("5820009999", new string('1', 65), "en-GB")).ResponseAsync);
        var control = await Assert.ThrowsAsync<RpcException>(() => orders.UpsertOrderAsync(ShopifyOrder("5820009998", "#10\n01", "en-GB")).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => orders.GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "5820009999" }).ResponseAsync);
        var byManualName = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { OrderId = "Webshop 42", Channel = "manual" });

        Assert.Equal("#1001", upserted.OrderName);
        Assert.Equal("#1001", got.OrderName);
        Assert.Equal([("W-2025-0042", "Webshop 42"), ("5820001001", "#1001")], listed.Orders.Select(o => (o.OrderId, o.OrderName)));
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.Contains("order.order_name", tooLong.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, control.StatusCode);
        Assert.Contains("order.order_name", control.Status.Detail);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal("W-2025-0042", byManualName.Order?.OrderId);
    }

    [Fact]
    public async Task Over_HTTP_a_French_buyers_message_about_a_Shopify_order_name_gets_its_tracking_and_a_compliant_reply()
    {
        await using var server = await TestServer.StartAsync();
        var number = Numbers.Sandbox(0);
        await server.Orders().UpsertOrderAsync(ShopifyOrder("5820001002", "#1002", "fr-FR", number));
        using var http = Http(server);

        var (status, body) = await PostJsonAsync(http, "/v1/inquiries:resolve", new
        {
            messageText = "Bonjour, où est ma commande #1002 ? Merci.\n> Le 2 mars, vous avez écrit : commande 1001 expédiée.",
            channel = "shopify",
            receivedAt = "2026-01-02T10:00:00Z",
        });

        Assert.Equal(200, status);
        var order = body.GetProperty("order");
        Assert.Equal(("5820001002", "#1002"), (order.GetProperty("orderId").GetString(), order.GetProperty("orderName").GetString()));
        Assert.Equal(number, body.GetProperty("shipments")[0].GetProperty("trackingNumber").GetString());
        Assert.NotEqual("RECOMMENDED_ACTION_ASK_FOR_ORDER_ID", body.GetProperty("action").GetString());
        var reply = body.GetProperty("reply");
        Assert.Equal("fr", reply.GetProperty("language").GetString());
        Assert.True(reply.GetProperty("compliant").GetBoolean(), reply.ToString());
        Assert.Contains("#1002", reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task In_the_sandbox_the_demo_shops_orders_are_found_by_the_names_buyers_quote()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync();
        await Eventually.UntilAsync(async () =>
            (await server.Orders().ListOrdersAsync(new ListOrdersRequest { Channel = "shopify" })).Orders.Count == 6,
            "the demo shop's orders are imported");
        using var http = Http(server);

        var (status, body) = await PostJsonAsync(http, "/v1/inquiries:resolve", new
        {
            messageText = "Bonjour, je n'ai jamais reçu ma commande #1006. Que se passe-t-il ?",
            channel = "shopify",
        });

        Assert.Equal(200, status);
        var order = body.GetProperty("order");
        Assert.Equal(("5820001006", "#1006"), (order.GetProperty("orderId").GetString(), order.GetProperty("orderName").GetString()));
        Assert.Equal("LLSB0000010066", body.GetProperty("shipments")[0].GetProperty("trackingNumber").GetString());
        Assert.Contains("#1006", body.GetProperty("reply").GetProperty("text").GetString());
    }

    // The demo shop's numbering: order #N is Shopify order 582000000N; #2025 makes a year in a message a real name.
    private static async Task SeedAsync(TestServer server)
    {
        var orders = server.Orders();
        await orders.UpsertOrderAsync(ShopifyOrder("5820001001", "#1001", "en-GB", Numbers.Sandbox(0)));
        await orders.UpsertOrderAsync(ShopifyOrder("5820001002", "#1002", "fr-FR", Numbers.Sandbox(0)));
        await orders.UpsertOrderAsync(ShopifyOrder("5820001003", "#1003", "de-DE", Numbers.Sandbox(0)));
        await orders.UpsertOrderAsync(ShopifyOrder("5820002025", "#2025", "en-GB", Numbers.Sandbox(0)));
        await orders.UpsertOrderAsync(Order(AmazonId(), FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
    }
}
