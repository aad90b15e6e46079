using System.Net;
using System.Text.Json;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests.Webhooks;

/// <summary>UPS Track Alert events on a real server: credential, de-duplication, validation, the one write path.</summary>
public sealed class UpsTrackAlertWebhookTests
{
    private const string Number = "1ZCIETST0111111114";

    /// <summary>A delivery event in UPS's Track Alert format (as in UPS's webhook examples).</summary>
    internal static string Delivered(string number = Number, string gmtTime = "231553") => $$"""
        {
          "trackingNumber": "{{number}}",
          "localActivityDate": "20251118",
          "localActivityTime": "181553",
          "activityLocation": { "city": "Nottingham", "stateProvince": "MD", "postalCode": "21236", "country": "US" },
          "activityStatus": { "type": "D", "code": "FS", "description": "Delivered", "descriptionCode": "011" },
          "scheduledDeliveryDate": "",
          "actualDeliveryDate": "20251118",
          "actualDeliveryTime": "181553",
          "gmtActivityDate": "20251118",
          "gmtActivityTime": "{{gmtTime}}"
        }
        """;

    private static string OutForDelivery(string number = Number) => $$"""
        {"trackingNumber":" {{number}}","localActivityDate":"20251118","localActivityTime":"091519",
         "activityLocation":{"city":"Nottingham","stateProvince":"MD","postalCode":"","country":"US"},
         "activityStatus":{"type":"I","code":"OT","description":"Out for Delivery","descriptionCode":"021"},
         "scheduledDeliveryDate":"20251118","actualDeliveryDate":"","actualDeliveryTime":"",
         "gmtActivityDate":"20251118","gmtActivityTime":"141519",
         "deliveryStartTime":"150000","deliveryEndTime":"170000","deliveryTimeDescription":"estimated delivery window"}
        """;

    [Fact]
    public async Task A_credentialed_event_changes_the_shipment_and_arrives_on_the_watch_stream()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var client = host.Server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Number });
        // Resuming from the head replays anything committed before the stream is live: no race with the webhook.
        var head = await WatchReplayThenLiveTests.HeadAsync(host.Server);
        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { ShipmentIds = { shipment.Id }, ResumeAfterSequence = head });

        var first = await host.PostUpsAsync(OutForDelivery());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await AnswerAsync(first);
        Assert.Equal("applied", answer.GetProperty("result").GetString());
        Assert.Equal(shipment.Id, answer.GetProperty("shipment_id").GetString());
        Assert.True(answer.GetProperty("changed").GetBoolean());

        await watcher.WaitUntilAsync(c => c.Changes.Any(u => u.Change.Shipment.Status == ShipmentStatus.OutForDelivery), "out for delivery arrived");
        var live = watcher.Changes.Single(u => u.Change.Shipment.Status == ShipmentStatus.OutForDelivery).Change;
        Assert.Equal(ChangeKind.StatusChanged, live.Kind);
        Assert.Equal(ShipmentStatus.Pending, live.PreviousStatus);
        var scan = Assert.Single(live.Shipment.Events);
        Assert.Equal("webhook", scan.Source);
        Assert.Equal("I/OT/021", scan.RawCode);
        Assert.Equal(DateTimeOffset.Parse("2025-11-18T14:15:19Z"), scan.OccurredAt.ToDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse("2025-11-18T17:00:00-05:00"), live.Shipment.EstimatedDelivery.ToDateTimeOffset());

        Assert.Equal(HttpStatusCode.OK, (await host.PostUpsAsync(Delivered())).StatusCode);
        await watcher.WaitUntilAsync(c => c.Changes.Any(u => u.Change.Shipment.Status == ShipmentStatus.Delivered), "delivered arrived");

        var stored = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(ShipmentStatus.Delivered, stored.Status);
        Assert.Equal(DateTimeOffset.Parse("2025-11-18T23:15:53Z"), stored.DeliveredAt.ToDateTimeOffset());
        Assert.Equal(["D/FS/011", "I/OT/021"], stored.Events.Select(e => e.RawCode));
        Assert.Equal("Nottingham", stored.Events[0].Location.City);
        Assert.Equal(3UL, stored.Version);
    }

    [Fact]
    public async Task A_redelivery_changes_nothing()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var client = host.Server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Number });
        Assert.Equal("applied", (await AnswerAsync(await host.PostUpsAsync(Delivered()))).GetProperty("result").GetString());
        var head = await WatchReplayThenLiveTests.HeadAsync(host.Server);
        var before = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });

        // The same delivery again: recognised by its body and answered without touching the store.
        var again = await host.PostUpsAsync(Delivered());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await AnswerAsync(again)).GetProperty("result").GetString());

        // The same scan in other bytes (re-serialized): through to Tracker.Apply, which knows the scan already.
        var reformatted = await host.PostUpsAsync(Delivered().Replace("\n", " ", StringComparison.Ordinal));
        var answer = await AnswerAsync(reformatted);
        Assert.Equal("applied", answer.GetProperty("result").GetString());
        Assert.False(answer.GetProperty("changed").GetBoolean());

        var after = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(before.Version, after.Version);
        Assert.Single(after.Events);
        Assert.Equal(head, await WatchReplayThenLiveTests.HeadAsync(host.Server));
    }

    [Theory]
    [InlineData(null, "missing credential header")]
    [InlineData("", "missing credential header")]
    [InlineData("ups-track-alert-credential-0123456780", "credential mismatch")]
    [InlineData("ups-track-alert-credential-0123456789-and-more", "credential mismatch")]
    public async Task A_call_without_the_right_credential_is_refused_logged_without_payload_and_changes_nothing(string? credential, string reason)
    {
        await using var host = await WebhookTestHost.StartAsync();
        var client = host.Server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Number });
        var head = await WatchReplayThenLiveTests.HeadAsync(host.Server);

        var response = await host.PostUpsAsync(Delivered(), credential);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await AnswerAsync(response)).GetProperty("error").GetString());
        var after = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(ShipmentStatus.Pending, after.Status);
        Assert.Equal(shipment.Version, after.Version);
        Assert.Equal(head, await WatchReplayThenLiveTests.HeadAsync(host.Server));
        var line = Assert.Single(host.Logs.Lines, l => l.Contains("rejected", StringComparison.Ordinal));
        Assert.Contains(reason, line);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(Number, StringComparison.Ordinal) || l.Contains("Nottingham", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("ups-track-alert-credential", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"trackingNumber\": ", "body")]
    [InlineData("[1, 2]", "body")]
    [InlineData("{\"activityStatus\":{\"type\":\"D\",\"code\":\"FS\"},\"gmtActivityDate\":\"20251118\"}", "trackingNumber")]
    [InlineData("{\"trackingNumber\":\"1ZCIETST0111111114\",\"gmtActivityDate\":\"20251118\"}", "activityStatus")]
    [InlineData("{\"trackingNumber\":\"1ZCIETST0111111114\",\"activityStatus\":\"D\"}", "activityStatus")]
    [InlineData("{\"trackingNumber\":\"1ZCIETST0111111114\",\"activityStatus\":{\"type\":\"D\",\"code\":{}}}", "activityStatus.code")]
    [InlineData("{\"trackingNumber\":\"1ZCIETST0111111114\",\"activityStatus\":{\"type\":\"D\",\"code\":\"FS\"},\"gmtActivityDate\":\"2025-11-18\"}", "gmtActivityDate")]
    [InlineData("{\"trackingNumber\":\"1ZCIETST0111111114\",\"activityStatus\":{\"type\":\"D\",\"code\":\"FS\"},\"gmtActivityDate\":\"20251118\",\"gmtActivityTime\":\"256100\"}", "gmtActivityTime")]
    [InlineData("{\"trackingNumber\":\"1ZCIETST0111111114\",\"activityStatus\":{\"type\":\"D\",\"code\":\"FS\"}}", "gmtActivityDate")]
    public async Task A_malformed_event_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        await using var host = await WebhookTestHost.StartAsync();
        var client = host.Server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Number });

        var response = await host.PostUpsAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await AnswerAsync(response);
        Assert.Equal("invalid_body", error.GetProperty("error").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        var after = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(shipment.Version, after.Version);
        Assert.Empty(after.Events);
    }

    [Fact]
    public async Task An_event_for_a_number_the_tenant_does_not_track_is_acknowledged_and_ignored()
    {
        await using var host = await WebhookTestHost.StartAsync();
        // tenant-b tracks it; the webhook feeds tenant-a.
        var other = await host.Server.Client(TestServer.KeyB).TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Number });
        var head = await WatchReplayThenLiveTests.HeadAsync(host.Server);

        var response = await host.PostUpsAsync(Delivered());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ignored", (await AnswerAsync(response)).GetProperty("result").GetString());
        Assert.Equal(head, await WatchReplayThenLiveTests.HeadAsync(host.Server));
        var untouched = await host.Server.Client(TestServer.KeyB).GetShipmentAsync(new GetShipmentRequest { ShipmentId = other.Id });
        Assert.Equal(ShipmentStatus.Pending, untouched.Status);

        // Once tenant-a tracks the number, the same delivery counts: an ignored one is not remembered as seen.
        await host.Server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Number });
        Assert.Equal("applied", (await AnswerAsync(await host.PostUpsAsync(Delivered()))).GetProperty("result").GetString());
    }

    [Fact]
    public async Task An_update_without_status_moves_only_the_estimate()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var client = host.Server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Number });
        const string update = """
            {"trackingNumber":"1ZCIETST0111111114","localActivityDate":"20251117","localActivityTime":"100000",
             "activityLocation":{"city":"","stateProvince":"","postalCode":"","country":"US"},
             "activityStatus":{"type":"U","code":"UP","description":"Updated Delivery Date","descriptionCode":""},
             "scheduledDeliveryDate":"20251120","gmtActivityDate":"20251117","gmtActivityTime":"150000"}
            """;

        Assert.Equal("applied", (await AnswerAsync(await host.PostUpsAsync(update))).GetProperty("result").GetString());

        var after = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(ShipmentStatus.Pending, after.Status);
        Assert.Empty(after.Events);
        Assert.Equal(DateTimeOffset.Parse("2025-11-20T00:00:00Z"), after.EstimatedDelivery.ToDateTimeOffset());
        Assert.Equal(shipment.Version + 1, after.Version);
    }

    [Fact]
    public async Task An_update_dated_before_the_estimate_kept_does_not_replace_it()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var client = host.Server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Number });
        Assert.Equal("applied", (await AnswerAsync(await host.PostUpsAsync(DateUpdate("20251121", gmtTime: "150000")))).GetProperty("result").GetString());
        var kept = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });

        // UPS moved the date twice; the earlier move (10:00 GMT) is delivered after the later one (15:00 GMT).
        var older = await AnswerAsync(await host.PostUpsAsync(DateUpdate("20251119", gmtTime: "100000")));

        Assert.Equal(("applied", false), (older.GetProperty("result").GetString(), older.GetProperty("changed").GetBoolean()));
        var after = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(DateTimeOffset.Parse("2025-11-21T00:00:00Z"), after.EstimatedDelivery.ToDateTimeOffset());
        Assert.Equal(kept.Version, after.Version);
    }

    private static string DateUpdate(string scheduledDate, string gmtTime) => $$"""
        {"trackingNumber":"{{Number}}","localActivityDate":"20251117","localActivityTime":"{{gmtTime}}",
         "activityLocation":{"city":"","stateProvince":"","postalCode":"","country":"US"},
         "activityStatus":{"type":"U","code":"UP","description":"Updated Delivery Date","descriptionCode":""},
         "scheduledDeliveryDate":"{{scheduledDate}}","gmtActivityDate":"20251117","gmtActivityTime":"{{gmtTime}}"}
        """;

    [Fact]
    public async Task Without_a_configured_credential_the_route_is_not_served()
    {
        await using var host = await WebhookTestHost.StartAsync(new Dictionary<string, string> { ["Webhooks:Ups:Credential"] = "" });

        var response = await host.PostUpsAsync(Delivered());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static async Task<JsonElement> AnswerAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
