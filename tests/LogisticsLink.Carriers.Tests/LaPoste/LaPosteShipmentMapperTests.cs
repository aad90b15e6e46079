using System.Text.Json;
using LogisticsLink.Carriers.LaPoste;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.LaPoste;

/// <summary>The envelope mapper on La Poste's published samples and on the quirks of its format.</summary>
public sealed class LaPosteShipmentMapperTests
{
    private static LaPosteShipmentMapper.Mapped Map(string body, string id = "6A15602676300")
    {
        using var document = JsonDocument.Parse(body);
        var envelopes = LaPosteResponseReader.Envelopes(document.RootElement, [id]);
        return LaPosteShipmentMapper.Map(envelopes[id], id);
    }

    [Fact]
    public void The_real_Colissimo_sample_is_delivered_with_its_nine_events_newest_first()
    {
        var snapshot = Map(LaPosteFixtures.DeliveredColissimo, "EW112720413FR").Result.Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal("delivered.recipient", snapshot.StatusDetail);
        Assert.Equal("Votre colis est livré.", snapshot.StatusDescription);
        Assert.Equal(9, snapshot.Events.Count);
        Assert.Equal(new[] { "DI1", "MD2", "ET1", "ET3", "ET2", "ET1", "ET1", "PC1", "DR1" }, snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(new DateTimeOffset(2023, 3, 9, 9, 38, 0, TimeSpan.FromHours(1)), snapshot.Events[0].OccurredAt);
        Assert.Equal(TimeSpan.FromHours(1), snapshot.Events[0].OccurredAt.Offset);
        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Events[1].Status);
        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Events[^1].Status);
        Assert.Equal("https://www.laposte.fr/outils/suivre-vos-envois?code=EW112720413FR", snapshot.TrackingUrl);
        Assert.Equal(new DateTimeOffset(2023, 3, 9, 9, 38, 0, TimeSpan.FromHours(1)), snapshot.EstimatedDelivery);
        Assert.Null(snapshot.DeliveryWindow);
        Assert.Null(snapshot.ProofOfDelivery); // no pickup point, and the open scope has no signature
        Assert.Equal(64, snapshot.PayloadSha256.Length);
        Assert.All(snapshot.Events, e => Assert.Equal("laposte", e.Source));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    public void A_url_that_is_not_a_web_page_gives_way_to_La_Postes_public_page(string url)
    {
        var body = LaPosteFixtures.DeliveredColissimo.Replace(
            "https://www.laposte.fr/outils/suivre-vos-envois?code=EW112720413FR", url, StringComparison.Ordinal);

        var snapshot = Map(body, "EW112720413FR").Result.Snapshot!;

        Assert.Equal("https://www.laposte.fr/outils/suivre-vos-envois?code=EW112720413FR", snapshot.TrackingUrl);
    }

    [Fact]
    public void The_specification_404_envelope_is_not_found_with_La_Postes_message()
    {
        var snapshot = Map(LaPosteFixtures.NotYetAvailable, "6S00993561113").Result.Snapshot!;

        Assert.Equal(TrackingStatus.NotFound, snapshot.Status);
        Assert.StartsWith("Votre suivi n'est pas encore disponible", snapshot.StatusDescription);
    }

    [Fact]
    public void The_specification_400_envelope_is_a_permanent_failure()
    {
        var result = Map(LaPosteFixtures.InvalidId, "6S00993561113").Result;

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("n’est pas valide", result.FailureReason);
    }

    [Theory]
    [InlineData(105, true)]
    [InlineData(504, false)]
    [InlineData(109, false)]
    public void Other_return_codes_without_a_shipment_are_read_as_documented(int code, bool notFound)
    {
        var result = Map($$"""{ "returnCode": {{code}}, "returnMessage": "m", "idShip": "6A15602676300" }""").Result;

        Assert.Equal(notFound, result.IsSuccess);
        if (notFound)
        {
            Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
        }
        else
        {
            Assert.True(result.Transient);
        }
    }

    [Fact]
    public void A_multi_status_array_is_split_by_id_whatever_its_order()
    {
        var body = $$"""
            [ { "returnCode": 104, "returnMessage": "pas encore", "idShip": "6A15602676307" },
              {{LaPosteFixtures.Shipment("""[{ "code": "PC1", "label": "Pris en charge", "date": "2026-03-10T09:00:00+01:00" }]""").Trim()[1..^1]}} ]
            """;
        using var document = JsonDocument.Parse(body);

        var envelopes = LaPosteResponseReader.Envelopes(document.RootElement, ["6A15602676300", "6A15602676307"]);

        Assert.Equal(TrackingStatus.InTransit, LaPosteShipmentMapper.Map(envelopes["6A15602676300"], "6A15602676300").Result.Snapshot!.Status);
        Assert.Equal(TrackingStatus.NotFound, LaPosteShipmentMapper.Map(envelopes["6A15602676307"], "6A15602676307").Result.Snapshot!.Status);
    }

    [Fact]
    public void A_return_code_sent_as_a_string_is_read()
    {
        var snapshot = Map(LaPosteFixtures.Shipment("""[{ "code": "DR1", "label": "x", "date": "2026-03-10T09:00:00+01:00" }]""", returnCode: "\"200\"")).Result.Snapshot!;

        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
    }

    [Fact]
    public void A_date_without_offset_takes_its_neighbours_offset()
    {
        var snapshot = Map(LaPosteFixtures.Shipment("""
            [{ "code": "ET1", "label": "x", "date": "2026-03-10T12:00:00" },
             { "code": "PC1", "label": "y", "date": "2026-03-10T09:00:00+01:00" }]
            """)).Result.Snapshot!;

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.FromHours(1)), snapshot.Events[0].OccurredAt);
    }

    [Fact]
    public void A_delivery_after_a_return_is_the_delivery_to_the_sender()
    {
        var snapshot = Map(LaPosteFixtures.Shipment("""
            [{ "code": "DI1", "label": "Livré", "date": "2026-03-12T10:00:00+01:00" },
             { "code": "RE1", "label": "Retourné à l'expéditeur", "date": "2026-03-11T10:00:00+01:00" },
             { "code": "PC1", "label": "Pris en charge", "date": "2026-03-10T10:00:00+01:00" }]
            """)).Result.Snapshot!;

        Assert.Equal(TrackingStatus.Returned, snapshot.Status);
        Assert.Equal("returned.to_sender", snapshot.StatusDetail);
    }

    [Fact]
    public void An_unknown_or_informational_code_keeps_the_previous_status_and_is_reported()
    {
        var mapped = Map(LaPosteFixtures.Shipment("""
            [{ "code": "ZZ9", "label": "?", "date": "2026-03-10T12:00:00+01:00" },
             { "code": "ID0", "label": "Informations douane", "date": "2026-03-10T11:00:00+01:00" },
             { "code": "PC1", "label": "Pris en charge", "date": "2026-03-10T09:00:00+01:00" }]
            """));

        Assert.Equal(TrackingStatus.InTransit, mapped.Result.Snapshot!.Status);
        Assert.Equal("info.unrecognized_event", mapped.Result.Snapshot.StatusDetail);
        Assert.Equal(new[] { "ZZ9" }, mapped.UnknownCodes);
    }

    [Fact]
    public void A_bare_estimated_date_is_that_date_with_no_time_not_midnight_at_the_scans_offset()
    {
        var snapshot = Map(LaPosteFixtures.Shipment(
            """[{ "code": "PC1", "label": "Pris en charge", "date": "2026-06-10T07:00:00+02:00" }]""",
            """, "estimDate": "2026-06-12" """)).Result.Snapshot!;

        Assert.Equal(DateOnlyPromise.Of(new DateOnly(2026, 6, 12)), snapshot.EstimatedDelivery);
        Assert.Equal(TimeSpan.Zero, snapshot.EstimatedDelivery!.Value.Offset);
        Assert.Null(snapshot.DeliveryWindow);
    }

    [Fact]
    public void An_estimated_window_gives_the_delivery_window_and_its_end_as_the_estimate()
    {
        var snapshot = Map(LaPosteFixtures.Shipment(
            """[{ "code": "MD2", "label": "En distribution", "date": "2026-03-10T07:00:00+01:00" }]""",
            """, "estimDate": "2026-03-10T00:00:00+01:00", "estimHourMin": "2026-03-10T12:00:00+01:00", "estimHourMax": "2026-03-10T14:00:00+01:00" """)).Result.Snapshot!;

        Assert.Equal(new DeliveryWindow(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.FromHours(1))), snapshot.DeliveryWindow);
        Assert.Equal(snapshot.DeliveryWindow!.End, snapshot.EstimatedDelivery);
    }

    [Fact]
    public void A_delivery_at_a_pickup_point_names_it_as_proof()
    {
        var snapshot = Map(LaPosteFixtures.Shipment(
            """[{ "code": "DI1", "label": "Livré", "date": "2026-03-10T17:00:00+01:00" }]""",
            """, "contextData": { "removalPoint": { "name": "Bureau de poste Lille Gambetta", "type": "BDP" } } """)).Result.Snapshot!;

        Assert.Equal(new ProofOfDelivery("", "Bureau de poste Lille Gambetta (BDP)", false, false), snapshot.ProofOfDelivery);
    }

    [Theory]
    [InlineData("""[{ "code": "PC1", "label": "x", "date": "hier" }]""")]
    [InlineData("""[{ "code": "PC1", "label": "x" }]""")]
    [InlineData("""[{ "label": "x", "date": "2026-03-10T09:00:00+01:00" }]""")]
    [InlineData("\"not a list\"")]
    public void An_event_that_cannot_be_read_fails_the_shipment_rather_than_guess(string events)
    {
        var result = Map(LaPosteFixtures.Shipment(events)).Result;

        Assert.False(result.IsSuccess);
        Assert.Contains("unexpected", result.FailureReason);
    }

    [Fact]
    public void A_known_shipment_without_events_has_no_status_rather_than_an_invented_one()
    {
        var snapshot = Map(LaPosteFixtures.Shipment("[]")).Result.Snapshot!;

        Assert.Null(snapshot.Status);
        Assert.Empty(snapshot.Events);
        Assert.Equal("colissimo", snapshot.StatusDescription);
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("[{ \"lang\": \"fr_FR\" }]")]
    public void An_answer_not_in_La_Postes_shape_is_rejected(string body)
    {
        using var document = JsonDocument.Parse(body);

        Assert.Throws<LaPosteShapeException>(() => LaPosteResponseReader.Envelopes(document.RootElement, ["6A15602676300"]));
    }
}
