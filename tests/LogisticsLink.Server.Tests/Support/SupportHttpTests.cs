using System.Text.Json;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// The support desk over HTTP/JSON (gRPC JSON transcoding on the Web endpoint), as a helpdesk macro calls it: a
/// buyer's message goes in, the recommended action and a compliant reply come out.
/// </summary>
public sealed class SupportHttpTests
{
    [Fact]
    public async Task A_delivered_parcel_is_shared_with_its_proof_of_delivery_in_the_buyers_language()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        var number = Numbers.Sandbox(1);
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "fr-FR", number));
        await Eventually.UntilAsync(async () => (await server.Client().GetShipmentAsync(new GetShipmentRequest { Carrier = "sandbox", TrackingNumber = number })).Status
            == ShipmentStatus.Delivered, "the parcel is delivered");
        using var http = Http(server);

        var (status, body) = await PostJsonAsync(http, "/v1/inquiries:resolve", new
        {
            messageText = $"Bonjour, je n'ai toujours pas reçu ma commande {orderId} ! Merci.\n--\nMarie, 06 12 34 56 78",
            channel = "amazon",
            language = "fr-FR",
            receivedAt = "2026-01-02T10:00:00Z",
        });

        Assert.Equal(200, status);
        Assert.Equal("RECOMMENDED_ACTION_SHARE_TRACKING", body.GetProperty("action").GetString());
        Assert.Equal("2026-01-03T10:00:00Z", body.GetProperty("respondBy").GetString());
        Assert.Equal(orderId, body.GetProperty("order").GetProperty("orderId").GetString());
        var reply = body.GetProperty("reply");
        Assert.Equal("fbm_delivered", reply.GetProperty("templateId").GetString());
        Assert.Equal("fr", reply.GetProperty("language").GetString());
        Assert.True(reply.GetProperty("compliant").GetBoolean(), reply.ToString());
        var text = reply.GetProperty("text").GetString()!;
        Assert.Contains(orderId, text);
        Assert.Contains("a été livré le", text);
        Assert.Contains(number, text);
    }

    [Fact]
    public async Task A_question_about_an_FBA_order_is_redirected_to_Amazon()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Amazon, DateTimeOffset.UtcNow.AddDays(3), "de-DE"));
        using var http = Http(server);

        var (status, body) = await PostJsonAsync(http, "/v1/inquiries:resolve", new
        {
            messageText = $"Hallo, wo bleibt meine Bestellung {orderId}? Viele Grüße",
            channel = "amazon",
        });

        Assert.Equal(200, status);
        Assert.Equal("RECOMMENDED_ACTION_REDIRECT_TO_AMAZON", body.GetProperty("action").GetString());
        Assert.Equal("FULFILLMENT_CHANNEL_AMAZON", body.GetProperty("fulfillmentChannel").GetString());
        var reply = body.GetProperty("reply");
        Assert.Equal("fba_status", reply.GetProperty("templateId").GetString());
        Assert.Equal("de", reply.GetProperty("language").GetString());
        Assert.True(reply.GetProperty("compliant").GetBoolean(), reply.ToString());
        Assert.Contains("von Amazon versendet", reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_FBM_parcel_past_its_promise_asks_for_the_carrier_to_be_contacted()
    {
        var carrier = new ScriptedCarrier();
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Carriers.ICarrierClient>(s, carrier));
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(-1), "en-GB", "1Z999AA10123456784"));
        using var http = Http(server);

        var (status, body) = await PostJsonAsync(http, "/v1/inquiries:resolve", new
        {
            messageText = "Hi, my parcel 1Z 999 AA1 0123456784 is late. Thanks, Tom\n> On Monday you wrote: your order has shipped",
            channel = "amazon",
            maxAge = "0s",
        });

        Assert.Equal(200, status);
        Assert.Equal("RECOMMENDED_ACTION_CONTACT_CARRIER", body.GetProperty("action").GetString());
        Assert.Equal("fbm_delayed", body.GetProperty("reply").GetProperty("templateId").GetString());
        Assert.True(body.GetProperty("reply").GetProperty("compliant").GetBoolean());
        Assert.Contains("https://www.ups.com/track", body.GetProperty("reply").GetProperty("text").GetString());
        Assert.Equal(1, carrier.Calls);
    }

    [Fact]
    public async Task Routes_need_the_bearer_key_and_bad_fields_are_named()
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = Http(server, key: null);
        var (unauthenticated, _) = await PostJsonAsync(anonymous, "/v1/inquiries:resolve", new { orderId = AmazonId() });
        using var http = Http(server);

        var (invalid, error) = await PostJsonAsync(http, "/v1/inquiries:resolve", new { channel = "my shop!", maxAge = "-5s" });

        Assert.Equal(401, unauthenticated);
        Assert.True(400 == invalid, error.ToString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("message_text", message);
        Assert.Contains("channel", message);
        Assert.Contains("max_age", message);
    }

    [Theory]
    [InlineData("""{"messageText":"x","maxAge":"abc"}""", "max_age", "duration")]
    [InlineData("""{"messageText":"x","deadline":30}""", "deadline", "duration")]
    [InlineData("""{"messageText":"x","maxAge":"315576000001s"}""", "max_age", "at most 315576000000s")]
    [InlineData("""{"messageText":"x","receivedAt":"yesterday"}""", "received_at", "timestamp")]
    [InlineData("""{"messageText":"x","receivedAt":"2025-13-01T00:00:00Z"}""", "received_at", "timestamp")]
    [InlineData("""{"messageText":"x","recordReply":"yes"}""", "record_reply", "true or false")]
    [InlineData("""{"messageText":5}""", "message_text", "string")]
    [InlineData("""{"message_text":"x","max_age":"1 day"}""", "max_age", "duration")]
    public async Task A_field_the_JSON_cannot_be_read_into_is_a_400_naming_it(string json, string field, string described)
    {
        await using var server = await TestServer.StartAsync();
        using var http = Http(server);

        using var response = await http.PostAsync("/v1/inquiries:resolve",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.True(400 == (int)response.StatusCode, error.ToString());
        Assert.Equal(3, error.GetProperty("code").GetInt32());
        Assert.StartsWith(field + ": ", error.GetProperty("message").GetString());
        var violation = Assert.Single(Assert.Single(error.GetProperty("details").EnumerateArray()).GetProperty("fieldViolations").EnumerateArray());
        Assert.Equal(field, violation.GetProperty("field").GetString());
        Assert.Contains(described, violation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Every_field_the_JSON_cannot_be_read_into_is_named_at_once()
    {
        await using var server = await TestServer.StartAsync();
        using var http = Http(server);

        var (status, error) = await PostJsonAsync(http, "/v1/inquiries:resolve", new { messageText = "x", maxAge = "abc", receivedAt = "yesterday" });

        Assert.True(400 == status, error.ToString());
        var fields = error.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString());
        Assert.Equal(["max_age", "received_at"], fields.Order());
    }

    [Fact]
    public async Task A_max_age_of_centuries_is_read_as_any_check_will_do()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        using var http = Http(server);

        // A valid Duration (3,168 years) whose "now − max_age" is before year 1.
        var (status, body) = await PostJsonAsync(http, "/v1/inquiries:resolve", new { orderId, channel = "amazon", maxAge = "99999999999s" });

        Assert.True(200 == status, body.ToString());
        Assert.Equal(orderId, body.GetProperty("order").GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Render_and_evidence_routes_answer_over_HTTP_and_the_OpenAPI_document_lists_them()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "it-IT", Numbers.Sandbox(0)));
        using var http = Http(server);

        var (rendered, reply) = await PostJsonAsync(http, "/v1/replies:render", new { orderId, channel = "amazon", templateId = "no_order_found" });
        var (evidenceStatus, pack) = await GetJsonAsync(http, $"/v1/orders/{orderId}/evidence?channel=amazon");
        var (openApiStatus, document) = await GetJsonAsync(http, "/openapi/v1.json");

        Assert.Equal(200, rendered);
        Assert.Equal("it", reply.GetProperty("language").GetString());
        Assert.Equal(200, evidenceStatus);
        Assert.Equal(64, pack.GetProperty("signature").GetString()!.Length);
        Assert.Equal(200, openApiStatus);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/inquiries:resolve", out _), paths.ToString());
        Assert.True(paths.TryGetProperty("/v1/replies:render", out _));
        Assert.Contains(paths.EnumerateObject(), p => p.Name.StartsWith("/v1/orders/{", StringComparison.Ordinal) && p.Name.EndsWith("}/evidence", StringComparison.Ordinal));
        Assert.Contains(paths.EnumerateObject(), p => p.Name.StartsWith("/v1/orders/{", StringComparison.Ordinal) && p.Name.EndsWith("}/evidence.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_rendered_over_HTTP_for_an_order_and_another_orders_shipment_is_a_400_naming_shipment_id()
    {
        await using var server = await TestServer.StartAsync();
        var (orderId, otherId) = (AmazonId(), AmazonId());
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        var other = await server.Orders().UpsertOrderAsync(Order(otherId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(1)));
        using var http = Http(server);

        var (status, error) = await PostJsonAsync(http, "/v1/replies:render", new { orderId, channel = "amazon", shipmentId = other.Shipments[0].Id });

        Assert.True(400 == status, error.ToString());
        var message = error.GetProperty("message").GetString()!;
        Assert.StartsWith("shipment_id:", message, StringComparison.Ordinal);
        Assert.Contains(otherId, message, StringComparison.Ordinal);
    }
}
