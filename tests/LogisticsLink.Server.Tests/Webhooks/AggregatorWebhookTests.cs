using System.Net;
using System.Text;
using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Webhooks;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using static LogisticsLink.Server.Tests.Webhooks.UpsTrackAlertWebhookTests;

namespace LogisticsLink.Server.Tests.Webhooks;

/// <summary>The generic aggregator webhook on a real server: HMAC signature, replay window, de-duplication, validation.</summary>
public sealed class AggregatorWebhookTests
{
    private static string Body(string number, string eventId = "evt-1", string status = "in_transit", string at = "2026-05-02T09:15:00+02:00") => $$"""
        {
          "event_id": "{{eventId}}",
          "carrier": "sandbox",
          "tracking_number": "{{number}}",
          "estimated_delivery": "2026-05-04T18:00:00+02:00",
          "events": [
            { "occurred_at": "{{at}}", "status": "{{status}}", "status_detail": "in_transit.departed",
              "description": "Departed facility", "raw_code": "PL",
              "location": { "city": "Leipzig", "region": "SN", "postal_code": "04109", "country_code": "de" } }
          ]
        }
        """;

    private static async Task<(WebhookTestHost Host, Shipment Shipment)> StartWithShipmentAsync()
    {
        var host = await WebhookTestHost.StartAsync();
        var shipment = await host.Server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "sandbox", TrackingNumber = Numbers.Sandbox() });
        return (host, shipment);
    }

    [Fact]
    public async Task A_signed_delivery_is_applied_and_arrives_on_the_watch_stream()
    {
        var (host, shipment) = await StartWithShipmentAsync();
        await using var _ = host;
        var client = host.Server.Client();
        var head = await WatchReplayThenLiveTests.HeadAsync(host.Server);
        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = head });

        var response = await host.PostAggregatorAsync(Body(shipment.TrackingNumber));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await AnswerAsync(response);
        Assert.Equal("applied", answer.GetProperty("result").GetString());
        Assert.Equal(shipment.Version + 1, answer.GetProperty("version").GetUInt64());
        await watcher.WaitUntilAsync(c => c.Changes.Count >= 1, "the change arrived");
        var change = Assert.Single(watcher.Changes).Change;
        Assert.Equal(ShipmentStatus.InTransit, change.Shipment.Status);
        Assert.Equal("in_transit.departed", change.Shipment.StatusDetail);
        Assert.Equal(DateTimeOffset.Parse("2026-05-04T16:00:00Z"), change.Shipment.EstimatedDelivery.ToDateTimeOffset());
        var scan = Assert.Single(change.Shipment.Events);
        Assert.Equal(("PL", "webhook", "Leipzig", "DE"), (scan.RawCode, scan.Source, scan.Location.City, scan.Location.CountryCode));
        Assert.Equal(DateTimeOffset.Parse("2026-05-02T07:15:00Z"), scan.OccurredAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_push_by_the_number_the_buyer_sees_reaches_the_Amazon_Shipping_parcel_tracked_with_its_carrier_id()
    {
        // Aggregators know an Amazon Shipping parcel by its TBA number; a US seller tracks it as AMZN_US:TBA….
        await using var host = await WebhookTestHost.StartAsync(services: s => s.AddSingleton<ICarrierClient>(new IdleCarrier("amazon")));
        var client = host.Server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "amazon", TrackingNumber = "AMZN_US:TBA000000000040" });

        var response = await host.PostAggregatorAsync(Body("TBA000000000040").Replace("\"sandbox\"", "\"amazon\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await AnswerAsync(response);
        Assert.Equal(("applied", shipment.Id), (answer.GetProperty("result").GetString(), answer.GetProperty("shipment_id").GetString()));
        Assert.Equal(ShipmentStatus.InTransit, (await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).Status);

        // Two parcels behind that number (two carrier ids): the push names neither, so it touches neither.
        var other = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "amazon", TrackingNumber = "AMZN_CA:TBA000000000040" });
        var ambiguous = await host.PostAggregatorAsync(Body("TBA000000000040", eventId: "evt-2", status: "delivered").Replace("\"sandbox\"", "\"amazon\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Accepted, ambiguous.StatusCode);
        Assert.Equal(ShipmentStatus.InTransit, (await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).Status);
        Assert.Equal(other.Version, (await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = other.Id })).Version);
    }

    [Fact]
    public async Task A_push_naming_the_default_Amazon_business_reaches_the_parcel_tracked_by_the_bare_number()
    {
        // TBA… is tracked in AMZN_UK; a sender that writes AMZN_UK:TBA… means the same parcel.
        await using var host = await WebhookTestHost.StartAsync(services: s => s.AddSingleton<ICarrierClient>(new IdleCarrier("amazon")));
        var client = host.Server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "amazon", TrackingNumber = "TBA000000000070" });

        var response = await host.PostAggregatorAsync(Body("AMZN_UK:TBA000000000070").Replace("\"sandbox\"", "\"amazon\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await AnswerAsync(response);
        Assert.Equal(("applied", shipment.Id), (answer.GetProperty("result").GetString(), answer.GetProperty("shipment_id").GetString()));
        Assert.Equal(ShipmentStatus.InTransit, (await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).Status);
    }

    [Fact]
    public async Task A_push_naming_a_USPS_parcel_by_its_scanned_barcode_reaches_the_parcel_tracked_by_the_printed_number()
    {
        // The label's barcode is "420" + ZIP + the number printed under it; a sender that scanned it means the same parcel.
        await using var host = await WebhookTestHost.StartAsync(services: s => s.AddSingleton<ICarrierClient>(new IdleCarrier("usps")));
        var client = host.Server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "usps", TrackingNumber = "9101026837331000039521" });

        var response = await host.PostAggregatorAsync(Body("420221539101026837331000039521").Replace("\"sandbox\"", "\"usps\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await AnswerAsync(response);
        Assert.Equal(("applied", shipment.Id), (answer.GetProperty("result").GetString(), answer.GetProperty("shipment_id").GetString()));
        Assert.Equal(ShipmentStatus.InTransit, (await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).Status);
    }

    /// <summary>A connector that only makes its carrier enabled; the scheduler is off, so it is never called.</summary>
    private sealed class IdleCarrier(string code) : ICarrierClient
    {
        public string Code => code;
        public TimeSpan? Cadence => null;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(CarrierResult.Success(Domain.Tracking.CarrierSnapshot.NotFound()));
    }

    // The store cannot take the delivery for now (SQLite busy beyond its timeout; PostgreSQL's pool exhausted, a timeout,
    // the connection refused): nothing was stored, and the answer says so in the way the sender redelivers on, not as a
    // server bug. A real bug stays a 500; neither copy is taken for a redelivery when it comes again.
    [Fact]
    public async Task A_delivery_the_store_cannot_take_for_now_is_answered_retry_and_a_bug_stays_a_500()
    {
        StoreHook? hook = null;
        await using var host = await WebhookTestHost.StartAsync(services: s => hook = StoreHook.Install(s));
        var shipment = await host.Server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "sandbox", TrackingNumber = Numbers.Sandbox() });
        var failures = new Queue<Exception>([
            new Microsoft.Data.Sqlite.SqliteException("database is locked", 5),
            new Npgsql.NpgsqlException("The connection pool has been exhausted", new TimeoutException()),
            new InvalidOperationException("a bug"),
        ]);
        hook!.BeforeEach(nameof(IShipmentStore.FindByNumberAsync), _ =>
        {
            lock (failures)
            {
                return failures.TryDequeue(out var failure) ? Task.FromException(failure) : Task.CompletedTask;
            }
        });
        var body = Body(shipment.TrackingNumber);

        var locked = await host.PostAggregatorAsync(body);
        var exhausted = await host.PostAggregatorAsync(body);
        var bug = await host.PostAggregatorAsync(body);
        var again = await host.PostAggregatorAsync(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        Assert.Equal("retry", (await AnswerAsync(locked)).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exhausted.StatusCode);
        Assert.Equal("retry", (await AnswerAsync(exhausted)).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.InternalServerError, bug.StatusCode);
        Assert.Equal("applied", (await AnswerAsync(again)).GetProperty("result").GetString());
    }

    // The poller (or another node) writes the shipment between each of the push's reads and its commit, for longer than
    // the push's own retries last: nothing was stored, and the answer is the one the sender redelivers on, not a 500 that
    // some carriers count towards disabling the subscription. The same delivery counts when it comes again.
    [Fact]
    public async Task A_delivery_whose_shipment_other_writers_keep_changing_is_answered_retry_not_500()
    {
        StoreHook? hook = null;
        await using var host = await WebhookTestHost.StartAsync(services: s => hook = StoreHook.Install(s));
        var shipment = await host.Server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "sandbox", TrackingNumber = Numbers.Sandbox() });
        var contended = 1;
        var conflicts = 0;
        hook!.BeforeEach(nameof(IShipmentStore.CommitAsync), args =>
        {
            if (Volatile.Read(ref contended) == 1 && ((ShipmentCommit)args[0]!).State.Id == shipment.Id)
            {
                Interlocked.Increment(ref conflicts);
                return Task.FromException(new ConcurrencyConflictException(shipment.Id));
            }
            return Task.CompletedTask;
        });
        var body = Body(shipment.TrackingNumber);

        var busy = await host.PostAggregatorAsync(body);
        Volatile.Write(ref contended, 0);
        var again = await host.PostAggregatorAsync(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("retry", (await AnswerAsync(busy)).GetProperty("result").GetString());
        Assert.True(conflicts > 1, "the push retried its commit before giving up");
        Assert.Contains(host.Logs.Lines, l => l.Contains(shipment.TrackingNumber, StringComparison.Ordinal)
            && l.Contains("kept changing under other writers", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("applied", (await AnswerAsync(again)).GetProperty("result").GetString());
        Assert.Equal(ShipmentStatus.InTransit, (await host.Server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).Status);
    }

    [Fact]
    public async Task A_copy_arriving_while_the_first_is_still_applied_is_not_acknowledged()
    {
        StoreHook? hook = null;
        await using var host = await WebhookTestHost.StartAsync(services: s => hook = StoreHook.Install(s));
        var shipment = await host.Server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "sandbox", TrackingNumber = Numbers.Sandbox() });
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first copy stops before its write (e.g. waiting for the database); the sender times out and sends again.
        hook!.BeforeEach(nameof(IShipmentStore.FindByNumberAsync), _ =>
        {
            reached.TrySetResult();
            return release.Task;
        });
        var body = Body(shipment.TrackingNumber);
        var signedAt = DateTimeOffset.UtcNow;
        var first = host.PostAggregatorAsync(body, signedAt: signedAt);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var copy = await host.PostAggregatorAsync(body, signedAt: signedAt);
        release.SetResult();
        var firstAnswer = await first;
        var later = await host.PostAggregatorAsync(body, signedAt: signedAt);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, copy.StatusCode);
        Assert.Equal("in_progress", (await AnswerAsync(copy)).GetProperty("result").GetString());
        Assert.Equal("applied", (await AnswerAsync(firstAnswer)).GetProperty("result").GetString());
        Assert.Equal("duplicate", (await AnswerAsync(later)).GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_replay_within_the_tolerance_is_a_duplicate_and_an_old_one_is_refused()
    {
        var (host, shipment) = await StartWithShipmentAsync();
        await using var _ = host;
        var body = Body(shipment.TrackingNumber);
        var signedAt = DateTimeOffset.UtcNow;
        Assert.Equal("applied", (await AnswerAsync(await host.PostAggregatorAsync(body, signedAt: signedAt))).GetProperty("result").GetString());
        var head = await WatchReplayThenLiveTests.HeadAsync(host.Server);

        // Byte for byte the same delivery, as an attacker who recorded it (or a retrying sender) would send it.
        var replay = await host.PostAggregatorAsync(body, signedAt: signedAt);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("duplicate", (await AnswerAsync(replay)).GetProperty("result").GetString());

        // The same event id in another body is the same delivery too.
        var sameId = await host.PostAggregatorAsync(Body(shipment.TrackingNumber, status: "delivered"));
        Assert.Equal("duplicate", (await AnswerAsync(sameId)).GetProperty("result").GetString());

        // Outside the tolerance (5 minutes by default), in either direction, even correctly signed: refused.
        var old = await host.PostAggregatorAsync(Body(shipment.TrackingNumber, eventId: "evt-2", status: "delivered"), signedAt: signedAt.AddMinutes(-10));
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        var ahead = await host.PostAggregatorAsync(Body(shipment.TrackingNumber, eventId: "evt-3", status: "delivered"), signedAt: signedAt.AddMinutes(10));
        Assert.Equal(HttpStatusCode.Unauthorized, ahead.StatusCode);

        Assert.Equal(head, await WatchReplayThenLiveTests.HeadAsync(host.Server));
        var after = await host.Server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(ShipmentStatus.InTransit, after.Status);
        Assert.Contains(host.Logs.Lines, l => l.Contains("older than the tolerance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_estimate_signed_before_the_one_kept_does_not_replace_it()
    {
        var (host, shipment) = await StartWithShipmentAsync();
        await using var _ = host;
        var sentAt = DateTimeOffset.UtcNow;
        var newer = await host.PostAggregatorAsync(EstimateOnly(shipment.TrackingNumber, "evt-newer", "2026-05-06T18:00:00Z"), signedAt: sentAt);
        Assert.Equal("applied", (await AnswerAsync(newer)).GetProperty("result").GetString());
        var kept = await host.Server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });

        // Sent two minutes earlier (a retry, or a slow path), it arrives last: its estimate is older news.
        var older = await host.PostAggregatorAsync(EstimateOnly(shipment.TrackingNumber, "evt-older", "2026-05-04T18:00:00Z"), signedAt: sentAt.AddMinutes(-2));

        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        var answer = await AnswerAsync(older);
        Assert.Equal(("applied", false), (answer.GetProperty("result").GetString(), answer.GetProperty("changed").GetBoolean()));
        var after = await host.Server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(DateTimeOffset.Parse("2026-05-06T18:00:00Z"), after.EstimatedDelivery.ToDateTimeOffset());
        Assert.Equal(kept.Version, after.Version);

        // A later one still moves it, earlier or later than the estimate kept.
        var later = await host.PostAggregatorAsync(EstimateOnly(shipment.TrackingNumber, "evt-later", "2026-05-05T12:00:00Z"), signedAt: sentAt.AddSeconds(1));
        Assert.True((await AnswerAsync(later)).GetProperty("changed").GetBoolean());
        Assert.Equal(DateTimeOffset.Parse("2026-05-05T12:00:00Z"),
            (await host.Server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).EstimatedDelivery.ToDateTimeOffset());
    }

    private static string EstimateOnly(string number, string eventId, string eta) => $$"""
        {"event_id":"{{eventId}}","carrier":"sandbox","tracking_number":"{{number}}","estimated_delivery":"{{eta}}","events":[]}
        """;

    [Fact]
    public async Task Unsigned_or_badly_signed_deliveries_are_refused_logged_without_payload_and_change_nothing()
    {
        var (host, shipment) = await StartWithShipmentAsync();
        await using var _ = host;
        var body = Body(shipment.TrackingNumber, status: "delivered");
        var head = await WatchReplayThenLiveTests.HeadAsync(host.Server);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var goodSignature = WebhookSignatures.Sign(WebhookTestHost.AggregatorSecret, timestamp, Encoding.UTF8.GetBytes(body));

        var attempts = new List<(string Why, HttpRequestMessage Request)>
        {
            ("unsigned", Request(body, null, null)),
            ("no timestamp", Request(body, null, goodSignature)),
            ("wrong secret", Request(body, timestamp, WebhookSignatures.Sign("another-secret-0123456789abcdef", timestamp, Encoding.UTF8.GetBytes(body)))),
            ("body changed after signing", Request(body.Replace("Leipzig", "Leipzog", StringComparison.Ordinal), timestamp, goodSignature)),
            ("timestamp changed after signing", Request(body, (long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), goodSignature)),
            ("not base64", Request(body, timestamp, "not a signature!")),
            ("truncated", Request(body, timestamp, goodSignature[..20])),
        };
        foreach (var (why, request) in attempts)
        {
            var response = await host.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
        }

        Assert.Equal(head, await WatchReplayThenLiveTests.HeadAsync(host.Server));
        var after = await host.Server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });
        Assert.Equal(shipment.Version, after.Version);
        Assert.Equal(attempts.Count, host.Logs.Lines.Count(l => l.Contains("rejected", StringComparison.Ordinal)));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(shipment.TrackingNumber, StringComparison.Ordinal) || l.Contains("Leipzig", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(goodSignature, StringComparison.Ordinal) || l.Contains(WebhookTestHost.AggregatorSecret, StringComparison.Ordinal));

        // The good signature on the untouched body does pass: the refusals above were for the reasons given.
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(Request(body, timestamp, goodSignature))).StatusCode);
    }

    [Theory]
    [InlineData("""{"carrier":"sandbox","events":[]""", "body")]
    [InlineData("""{"tracking_number":"LLSB0000000000","events":[]}""", "carrier")]
    [InlineData("""{"carrier":"pigeon","tracking_number":"LLSB0000000000","events":[]}""", "carrier")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LL/SB","events":[]}""", "tracking_number")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000"}""", "events")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000","events":[]}""", "events")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000","events":[{"status":"delivered"}]}""", "events[0].occurred_at")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000","events":[{"occurred_at":"2026-05-02T09:15:00","status":"delivered"}]}""", "events[0].occurred_at")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000","events":[{"occurred_at":"2026-05-02T09:15:00Z","status":"teleported"}]}""", "events[0].status")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000","events":[{"occurred_at":"2026-05-02T09:15:00Z","status":"delivered","location":{"city":7}}]}""", "events[0].location.city")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000","events":[],"estimated_delivery":"soon"}""", "estimated_delivery")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000","events":[{"occurred_at":"0001-01-01T00:00:00Z","status":"in_transit"}]}""", "events[0].occurred_at")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000","events":[],"estimated_delivery":"0001-01-01T00:00:00Z"}""", "estimated_delivery")]
    [InlineData("""{"carrier":"sandbox","tracking_number":"LLSB0000000000","events":[],"estimated_delivery":"9999-12-31T23:59:59Z"}""", "estimated_delivery")]
    public async Task A_malformed_delivery_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        var (host, shipment) = await StartWithShipmentAsync();
        await using var _ = host;
        var head = await WatchReplayThenLiveTests.HeadAsync(host.Server);

        var response = await host.PostAggregatorAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await AnswerAsync(response)).GetProperty("field").GetString());
        Assert.Equal(head, await WatchReplayThenLiveTests.HeadAsync(host.Server));
        Assert.Equal(shipment.Version, (await host.Server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).Version);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_unread()
    {
        await using var host = await WebhookTestHost.StartAsync(new Dictionary<string, string> { ["Webhooks:MaxBodyBytes"] = "2048" });

        var response = await host.PostAggregatorAsync("{\"padding\":\"" + new string('x', 4096) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static HttpRequestMessage Request(string body, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AggregatorWebhook.Route) { Content = WebhookTestHost.Json(body) };
        if (timestamp is not null)
        {
            request.Headers.Add(WebhookSignatures.TimestampHeader, timestamp);
        }
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignatures.SignatureHeader, signature);
        }
        return request;
    }
}
