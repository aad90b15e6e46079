using Grpc.Core;
using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests;

/// <summary>
/// A tracking number or an order id pasted as the buyer typed it, in full-width forms (a Japanese or Chinese keyboard)
/// or in the digits of another script (Arabic-Indic, Extended Arabic-Indic, Devanagari, Thai, Bengali…), is read as the
/// ASCII it stands for by every call that takes one, as the buyer's message is: stored, looked up and answered in its
/// plain form.
/// </summary>
public sealed class AsciiFormRequestFieldTests
{
    private const string Ups = "1Z999AA10123456784";

    [Theory]
    [InlineData("１Ｚ９９９ＡＡ１０１２３４５６７８４")]
    [InlineData("１Z９９９ＡＡ１０１２３４５６７８４")]
    [InlineData("١Z٩٩٩AA١٠١٢٣٤٥٦٧٨٤")]
    [InlineData("۱Z۹۹۹AA۱۰۱۲۳۴۵۶۷۸۴")]
    [InlineData("१Z९९९AA१०१२३४५६७८४")]
    [InlineData("๑Z๙๙๙AA๑๐๑๒๓๔๕๖๗๘๔")]
    [InlineData("১Z৯৯৯AA১০১২৩৪৫৬৭৮৪")]
    [InlineData("１ｚ　９９９　ａａ１－０１　２３４５　６７８４")]
    public async Task A_tracking_number_typed_for_ascii_is_detected_tracked_and_found_as_the_plain_number(string typed)
    {
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => s.AddSingleton<ICarrierClient>(new ScriptedCarrier()));
        var client = server.Client();
        var plain = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Ups });

        var detected = await client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = typed });
        Assert.Equal((Ups, "ups"), (detected.NormalizedTrackingNumber, detected.DetectedCarrier));
        var tracked = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = typed });
        Assert.Equal((plain.Id, Ups), (tracked.Id, tracked.TrackingNumber));
        Assert.Equal(plain.Id, (await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "ups", TrackingNumber = typed })).Id);
    }

    [Fact]
    public async Task An_order_and_its_parcel_pushed_with_arabic_indic_digits_are_stored_and_found_in_plain_digits()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var orderId = AmazonId();
        var number = Numbers.Sandbox(1);

        var stored = await server.Orders().UpsertOrderAsync(
            Order(ArabicIndic(orderId), FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", FullWidth(number)));

        Assert.Equal(orderId, stored.OrderId);
        Assert.Equal(number, Assert.Single(stored.Shipments).TrackingNumber);
        Assert.Equal(stored.Version, (await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = orderId })).Version);
        Assert.Equal(orderId, (await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = ExtendedArabicIndic(orderId) })).OrderId);
        var listed = await server.Client().ListShipmentsAsync(new ListShipmentsRequest { OrderId = Devanagari(orderId) });
        Assert.Equal(number, Assert.Single(listed.Shipments).TrackingNumber);
        var tracked = await server.Client().TrackShipmentAsync(new TrackShipmentRequest
        {
            TrackingNumber = ArabicIndic(number), Order = new OrderReference { Channel = "amazon", OrderId = FullWidth(orderId) },
        });
        Assert.Equal((number, orderId), (tracked.TrackingNumber, tracked.Order.OrderId));
    }

    // A name is looked up exactly as stored: pushed as the seller's system wrote it in full-width forms, it must be
    // stored plain, or "#1001" (and a buyer's "#１００１", folded) would never find it.
    [Fact]
    public async Task An_order_name_pushed_in_full_width_forms_is_stored_plain_and_found_by_its_plain_name()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var orderId = "5820001" + Random.Shared.Next(100, 999);
        var shopify = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(1));
        shopify.Order.Channel = "shopify";
        shopify.Order.OrderName = "\u3000＃１００１ ";

        var stored = await server.Orders().UpsertOrderAsync(shopify);

        Assert.Equal("#1001", stored.OrderName);
        var byName = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "#1001" });
        Assert.Equal((orderId, "#1001"), (byName.OrderId, byName.OrderName));
        var byTypedName = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "＃１００１" });
        Assert.Equal(orderId, byTypedName.OrderId);
        var resolved = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "shopify", MessageText = "Where is my order #1001?" });
        Assert.Equal((orderId, "#1001"), (resolved.Order?.OrderId, resolved.Order?.OrderName));
    }

    [Fact]
    public async Task The_support_calls_find_an_order_by_its_id_typed_for_ascii()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(1)));
        var support = server.Support();

        var reply = await support.RenderReplyAsync(new RenderReplyRequest { Channel = "amazon", OrderId = ArabicIndic(orderId), FindingsOnly = true });
        Assert.Contains(orderId, reply.Text);
        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = FullWidth(orderId) });
        Assert.Equal(orderId, pack.OrderId);
        var claim = await support.RegisterClaimAsync(new RegisterClaimRequest { Channel = "amazon", OrderId = Devanagari(orderId), Kind = "a_to_z_not_received" });
        Assert.Equal(orderId, claim.OrderId);
    }

    [Fact]
    public async Task ResolveInquiry_finds_the_order_by_fields_typed_for_ascii_and_reports_them_plain()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var number = Numbers.Sandbox(1);
        var byNumber = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(byNumber, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", number));
        // A Shopify order's numeric id has no shape of its own: the field is the only place it is read from.
        var shopify = Order("5820001" + Random.Shared.Next(100, 999), FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        shopify.Order.Channel = "shopify";
        await server.Orders().UpsertOrderAsync(shopify);
        var support = server.Support();

        var byTrackingNumber = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = FullWidth(number) });
        Assert.Equal(byNumber, byTrackingNumber.Order?.OrderId);
        Assert.Equal(number, Assert.Single(byTrackingNumber.Matches).Value);
        var byOrderId = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "shopify", OrderId = ArabicIndic(shopify.Order.OrderId) });
        Assert.Equal(shopify.Order.OrderId, byOrderId.Order?.OrderId);
        Assert.Equal(shopify.Order.OrderId, Assert.Single(byOrderId.Matches).Value);
    }

    [Fact]
    public async Task The_http_routes_read_the_fields_typed_for_ascii_too()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var orderId = AmazonId();
        var number = Numbers.Sandbox(1);
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", number));
        using var http = Http(server);

        var (status, body) = await PostJsonAsync(http, "/v1/inquiries:resolve", new { channel = "amazon", trackingNumber = ArabicIndic(number) });
        Assert.Equal(200, status);
        Assert.Equal(orderId, body.GetProperty("order").GetProperty("orderId").GetString());
        Assert.Equal(number, body.GetProperty("matches")[0].GetProperty("value").GetString());
        var (packStatus, pack) = await GetJsonAsync(http, $"/v1/orders/{Uri.EscapeDataString(ArabicIndic(orderId))}/evidence?channel=amazon");
        Assert.Equal(200, packStatus);
        Assert.Equal(orderId, pack.GetProperty("orderId").GetString());
    }

    // Folded, a number that is no number is refused as plainly as before, on the field that holds it; so is one written
    // in mathematical bold digits, which are left as written (each is two UTF-16 characters, see AsciiForms).
    [Theory]
    [InlineData("１Ｚ９９９ＡＡ！！", "1Z999AA!!")]
    [InlineData("𝟏Z𝟗𝟗𝟗AA𝟏𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟒", "1Z999AA1012345678\u00A7")]
    public async Task A_malformed_number_typed_for_ascii_is_refused_on_its_field_as_a_plain_one_is(string typed, string plain)
    {
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => s.AddSingleton<ICarrierClient>(new ScriptedCarrier()));
        var client = server.Client();

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = typed }).ResponseAsync);
        var plainRefusal = await Assert.ThrowsAsync<RpcException>(() => client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = plain }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("tracking_number: ", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(plainRefusal.Status.Detail, refused.Status.Detail);
    }

    private static string FullWidth(string ascii) => new([.. ascii.Select(c => c is > ' ' and <= '~' ? (char)(c + 0xFEE0) : c)]);

    private static string ArabicIndic(string ascii) => Digits(ascii, '\u0660');

    private static string ExtendedArabicIndic(string ascii) => Digits(ascii, '\u06F0');

    private static string Devanagari(string ascii) => Digits(ascii, '\u0966');

    private static string Digits(string ascii, char zero) => new([.. ascii.Select(c => char.IsAsciiDigit(c) ? (char)(zero + (c - '0')) : c)]);
}
