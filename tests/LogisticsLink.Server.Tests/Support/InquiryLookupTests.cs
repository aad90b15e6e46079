using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// A tracking number the buyer quotes finds its parcel whatever carrier it is stored under: the marketplace or the
/// caller chose that carrier, not detection.
/// </summary>
public sealed class InquiryLookupTests
{
    // An FBA shipments report's SMARTPOST parcel is stored as fedex, but detection reads a 91… number as USPS only;
    // an Amazon Shipping parcel registered with its carrier id is known to the buyer without it.
    [Theory]
    [InlineData("fedex", "9102901001301798807420", "9102901001301798807420")]
    [InlineData("amazon", "AMZN_US:TBA000000000020", "TBA000000000020")]
    public async Task A_parcel_is_found_by_its_number_whatever_carrier_it_was_stored_under(string carrier, string stored, string quoted)
    {
        await using var server = await StartAsync();
        var orderId = AmazonId();
        var order = Order(orderId, FulfillmentChannel.Amazon, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        order.Shipments.Add(new OrderShipment { Carrier = carrier, TrackingNumber = stored });
        await server.Orders().UpsertOrderAsync(order);
        var support = server.Support();

        var byField = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = quoted });
        var byText = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", MessageText = $"Where is parcel {quoted}?" });

        Assert.All(new[] { byField, byText }, answer =>
        {
            Assert.Equal(orderId, answer.Order?.OrderId);
            Assert.Equal(RecommendedAction.RedirectToAmazon, answer.Action);
        });
    }

    // A helpdesk agent pastes the id as the buyer typed it, or the buyer writes it that way: with spaces, or with the
    // en dash a word processor puts between digits.
    [Fact]
    public async Task An_amazon_order_id_given_with_spaces_or_en_dashes_finds_the_order()
    {
        await using var server = await StartAsync();
        var orderId = AmazonId();
        var order = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        order.Shipments.Add(new OrderShipment { Carrier = "usps", TrackingNumber = "9102901001301798807420" });
        await server.Orders().UpsertOrderAsync(order);
        var support = server.Support();
        var spaced = orderId.Replace('-', ' ');

        var byField = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", OrderId = spaced });
        var byText = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", MessageText = $"Hello, where is my order {orderId.Replace('-', '\u2013')}?",
        });

        Assert.Equal(orderId, byField.Order?.OrderId);
        Assert.Equal(orderId, byText.Order?.OrderId);
        Assert.Contains(byText.Matches, m => m.Kind == "order_id" && m.Value == orderId);
    }

    [Fact]
    public async Task One_number_stored_under_two_carriers_for_two_orders_is_reported_not_guessed()
    {
        await using var server = await StartAsync();
        const string number = "9102901001301798807420";
        var (first, second) = (AmazonId(), AmazonId());
        foreach (var (orderId, carrier) in new[] { (first, "fedex"), (second, "usps") })
        {
            var order = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
            order.Shipments.Add(new OrderShipment { Carrier = carrier, TrackingNumber = number });
            await server.Orders().UpsertOrderAsync(order);
        }

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = number });

        Assert.True(answer.Ambiguous);
        Assert.Null(answer.Order);
        Assert.Equal(new[] { first, second }.Order(), answer.Candidates.Select(c => c.OrderId).Order());
        Assert.Equal(RecommendedAction.AskForOrderId, answer.Action);
    }

    // The agent pasted a number the buyer mistyped, or one we do not store: the references in the buyer's own words
    // still find the order. A number that is found keeps its precedence over the text.
    [Fact]
    public async Task A_given_tracking_number_or_order_id_that_finds_nothing_falls_back_to_the_message_text()
    {
        await using var server = await StartAsync();
        var (quoted, other) = (AmazonId(), AmazonId());
        foreach (var (orderId, number) in new[] { (quoted, "9102901001301798807420"), (other, "9102901001301798807437") })
        {
            var order = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
            order.Shipments.Add(new OrderShipment { Carrier = "usps", TrackingNumber = number });
            await server.Orders().UpsertOrderAsync(order);
        }
        var support = server.Support();

        var byOrderId = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", TrackingNumber = "9400100000000000000000", MessageText = $"Hello, where is my order {quoted}?",
        });
        var byOtherNumber = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", TrackingNumber = "9400100000000000000000", MessageText = "The tracking 9102901001301798807420 shows nothing.",
        });
        var givenWins = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", TrackingNumber = "9102901001301798807437", MessageText = $"Hello, where is my order {quoted}?",
        });

        var unknownOrderId = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", OrderId = "111-1111111-1111111", MessageText = "The tracking 9102901001301798807420 shows nothing.",
        });

        Assert.Equal(quoted, byOrderId.Order?.OrderId);
        Assert.Equal(quoted, unknownOrderId.Order?.OrderId);
        Assert.Contains(byOrderId.Matches, m => m.Kind == "order_id" && m.Value == quoted);
        Assert.Equal(quoted, byOtherNumber.Order?.OrderId);
        Assert.Equal(other, givenWins.Order?.OrderId);
        Assert.False(givenWins.Ambiguous);
    }

    // The buyer asks about their second order in a reply that quotes our message about the first: the question is
    // about the second, and the quote alone finds the first when the buyer names nothing.
    [Fact]
    public async Task The_buyers_own_words_pick_the_order_over_an_order_in_a_quoted_message()
    {
        await using var server = await StartAsync();
        var (asked, quoted) = (AmazonId(), AmazonId());
        foreach (var (orderId, number) in new[] { (asked, "9102901001301798807420"), (quoted, "9102901001301798807437") })
        {
            var order = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
            order.Shipments.Add(new OrderShipment { Carrier = "usps", TrackingNumber = number });
            await server.Orders().UpsertOrderAsync(order);
        }
        var support = server.Support();
        var ourMessage = $"\n\nOn Mon, 3 Mar 2025 at 10:00, Shop <reply@marketplace.amazon.co.uk> wrote:\n> Your order {quoted} has shipped.";

        var aboutAnother = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", MessageText = $"Thanks, and where is my order {asked}?" + ourMessage,
        });
        var aboutTheQuoted = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", MessageText = "Still nothing here." + ourMessage,
        });

        Assert.False(aboutAnother.Ambiguous);
        Assert.Equal(asked, aboutAnother.Order?.OrderId);
        Assert.DoesNotContain(aboutAnother.Matches, m => m.Value == quoted);
        Assert.Equal(quoted, aboutTheQuoted.Order?.OrderId);
    }

    private static Task<TestServer> StartAsync() => TestServer.StartAsync(
        settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
        services: s =>
        {
            foreach (var code in new[] { "fedex", "usps", "amazon" })
            {
                s.AddSingleton<ICarrierClient>(new SilentCarrier(code));
            }
        });

    private sealed class SilentCarrier(string code) : ICarrierClient
    {
        public string Code => code;
        public TimeSpan? Cadence => null;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(CarrierResult.Success(Domain.Tracking.CarrierSnapshot.NotFound()));
    }
}
