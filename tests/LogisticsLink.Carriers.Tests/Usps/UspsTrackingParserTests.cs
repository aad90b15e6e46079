using LogisticsLink.Carriers.Usps;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Tests.Usps;

/// <summary>The parser on USPS's published samples and on every quirk, with no HTTP.</summary>
public sealed class UspsTrackingParserTests
{
    private static readonly TimeSpan Eastern = TimeSpan.FromHours(-5);

    private static CarrierSnapshot Snapshot(string body, string number = "9400100000000000000000")
    {
        var parsed = UspsTrackingParser.Parse(number, body);
        Assert.True(parsed.Result.IsSuccess, parsed.Result.FailureReason);
        return parsed.Result.Snapshot!;
    }

    private static CarrierResult Failure(string body)
    {
        var result = UspsTrackingParser.Parse("9400100000000000000000", body).Result;
        Assert.False(result.IsSuccess);
        return result;
    }

    [Fact]
    public void The_real_ground_advantage_capture()
    {
        var parsed = UspsTrackingParser.Parse(UspsSamples.GroundAdvantageNumber, UspsSamples.GroundAdvantage);
        var snapshot = parsed.Result.Snapshot!;

        Assert.Empty(parsed.UnknownCodes);
        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal("delivered.locker", snapshot.StatusDetail);
        Assert.Equal(12, snapshot.Events.Count);
        Assert.Equal(["01", "OF", "07", "A1", "TL", "TL", "TL", "T1", "10", "SF", "03", "GX"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(new DateTimeOffset(2024, 11, 22, 13, 58, 40, Eastern), snapshot.Events[0].OccurredAt);
        Assert.Equal(Eastern, snapshot.Events[0].OccurredAt.Offset);
        Assert.Equal(new TrackingLocation("HERNANDO", "FL", "34442", "US"), snapshot.Events[0].Location);
        Assert.Equal(new TrackingLocation("JACKSONVILLE FL DISTRIBUTION CENTER", "", "", ""), snapshot.Events[3].Location);
        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Events[^1].Status);
        Assert.StartsWith("Your item was delivered to a parcel locker", snapshot.StatusDescription);
        // No signer in this capture: the place is the proof USPS gives.
        Assert.Equal(new ProofOfDelivery("", "Parcel Locker", false, false), snapshot.ProofOfDelivery);
        Assert.Null(snapshot.EstimatedDelivery);
        Assert.Equal("https://tools.usps.com/go/TrackConfirmAction?tLabels=9400109104250532908587", snapshot.TrackingUrl);
    }

    [Fact]
    public void The_readme_detail_example_with_a_lone_event_and_a_false_Z()
    {
        var snapshot = Snapshot(UspsSamples.ReadmeDetail);

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal("in_transit.accepted", snapshot.StatusDetail);
        var e = Assert.Single(snapshot.Events);
        Assert.Equal("03", e.RawCode);
        // 7:31 am in Richmond, with no offset given anywhere: the wall time read as UTC, not 7:31 UTC shifted.
        Assert.Equal(new DateTime(2023, 8, 2, 7, 31, 0), e.OccurredAt.DateTime);
        Assert.Equal(new TrackingLocation("RICHMOND", "VA", "23227", "US"), e.Location);
    }

    [Fact]
    public void The_spec_error_example_is_a_permanent_failure()
    {
        var result = Failure(UspsSamples.SpecError);

        Assert.False(result.Transient);
        Assert.StartsWith("usps: string string", result.FailureReason);
    }

    [Fact]
    public void The_missing_scope_body_is_read_as_an_error()
    {
        var errors = UspsTrackingParser.Errors(UspsSamples.MissingScope);

        Assert.Equal([("401", "The client application identifier is invalid.")], errors);
        Assert.False(UspsTrackingParser.IsNotYetAvailable(errors));
    }

    [Theory]
    [InlineData("150001")]
    [InlineData("150002")]
    [InlineData("150003")]
    [InlineData("150009")]
    public void Not_yet_available_message_codes_are_not_found(string code)
    {
        var body = $$$"""{"apiVersion":"/tracking/v3","error":{"code":"400","message":"x","errors":[{"status":"400","code":"{{{code}}}","detail":"not yet"}]}}""";

        Assert.Equal(TrackingStatus.NotFound, Snapshot(body).Status);
    }

    [Theory]
    [InlineData("150004")]
    [InlineData("150010")]
    [InlineData("150012")]
    public void Other_message_codes_are_permanent_failures(string code)
    {
        var body = $$$"""{"apiVersion":"/tracking/v3","error":{"code":"400","message":"Tracking refused","errors":[{"status":"400","code":"{{{code}}}","detail":"no"}]}}""";

        Assert.False(Failure(body).Transient);
    }

    [Fact]
    public void An_answer_with_nothing_in_it_is_not_found() =>
        Assert.Equal(TrackingStatus.NotFound, Snapshot("""{"trackingNumber":"9400100000000000000000"}""").Status);

    [Fact]
    public void An_unknown_newest_code_defers_to_the_status_category_and_is_reported()
    {
        var body = Body("Out for Delivery", ("ZZ", "Something new", "2024-11-22T10:00:00Z"), ("07", "Arrived at Post Office", "2024-11-22T08:00:00Z"));

        var parsed = UspsTrackingParser.Parse("9400100000000000000000", body);

        Assert.Equal(TrackingStatus.OutForDelivery, parsed.Result.Snapshot!.Status);
        Assert.Equal(["ZZ"], parsed.UnknownCodes);
        // The unknown event stays in the history with the status the parcel had.
        Assert.Equal(TrackingStatus.InTransit, parsed.Result.Snapshot.Events[0].Status);
        Assert.Equal("ZZ", parsed.Result.Snapshot.Events[0].RawCode);
    }

    [Fact]
    public void Only_unknown_codes_and_an_unknown_category_is_a_failure_not_a_guess() =>
        Failure(Body("Something Else", ("ZZ", "Something new", "2024-11-22T10:00:00Z")));

    [Fact]
    public void Identical_events_are_kept_once_and_order_does_not_matter()
    {
        var body = Body("Delivered", ("03", "USPS in possession of item", "2024-11-20T10:00:00Z"), ("01", "Delivered", "2024-11-22T10:00:00Z"),
            ("OF", "Out for Delivery", "2024-11-22T08:00:00Z"), ("01", "Delivered", "2024-11-22T10:00:00Z"));

        var snapshot = Snapshot(body);

        Assert.Equal(["01", "OF", "03"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
    }

    [Fact]
    public void A_delivery_after_a_return_is_returned_to_the_sender()
    {
        var body = Body("Delivered", ("01", "Delivered, To Original Sender", "2024-11-25T10:00:00Z"), ("21", "Return to Sender: No Such Number", "2024-11-22T10:00:00Z"));

        var snapshot = Snapshot(body);

        Assert.Equal(TrackingStatus.Returned, snapshot.Status);
        Assert.Equal("returned.to_sender", snapshot.StatusDetail);
        Assert.Equal("returning.no_such_number", snapshot.Events[1].StatusDetail);
        Assert.Null(snapshot.ProofOfDelivery);
    }

    [Fact]
    public void The_signer_and_an_authorized_agent_as_a_string_boolean()
    {
        var body = """
            {"statusCategory":"Delivered","trackingEvents":[{"eventType":"Delivered, Front Desk/Reception/Mail Room","eventCode":"01",
             "GMTTimestamp":"2024-11-22T18:58:40Z","GMTOffset":"-05:00","name":"R SMITH","firm":"ACME INC","authorizedAgent":"true"}]}
            """;

        var snapshot = Snapshot(body);

        Assert.Equal("delivered.front_desk", snapshot.StatusDetail);
        Assert.Equal(new ProofOfDelivery("R SMITH, ACME INC (authorized agent)", "Front Desk/Reception/Mail Room", true, false), snapshot.ProofOfDelivery);
    }

    [Fact]
    public void A_predicted_date_with_end_of_day_and_an_expected_timestamp()
    {
        var withEndOfDay = Snapshot(Body("In Transit", ("10", "Processed", "2024-11-20T10:00:00Z")).Replace("\"trackingEvents\"",
            "\"predictedDeliveryDate\":\"2024-11-22\",\"endOfDay\":\"9:00 PM\",\"trackingEvents\"", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2024, 11, 22, 21, 0, 0, Eastern), withEndOfDay.EstimatedDelivery);
        Assert.Null(withEndOfDay.DeliveryWindow);

        var expected = Snapshot(Body("In Transit", ("10", "Processed", "2024-11-20T10:00:00Z")).Replace("\"trackingEvents\"",
            "\"expectedDeliveryTimeStamp\":\"2024-11-23T00:00:00\",\"trackingEvents\"", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2024, 11, 23, 0, 0, 0, TimeSpan.Zero), expected.EstimatedDelivery);
    }

    [Theory]
    [InlineData("not json at all", "malformed")]
    [InlineData("[1,2]", "unexpected")]
    [InlineData("""{"statusCategory":"Delivered","trackingEvents":"lots"}""", "unexpected")]
    [InlineData("""{"statusCategory":"Delivered","trackingEvents":[{"eventCode":"01","eventTimestamp":"yesterday"}]}""", "no readable date")]
    [InlineData("""{"statusCategory":{"a":1}}""", "unexpected")]
    public void A_body_that_cannot_be_read_safely_is_a_failure(string body, string reason) =>
        Assert.Contains(reason, Failure(body).FailureReason);

    private static string Body(string category, params (string Code, string Text, string Gmt)[] events) =>
        $$"""{"statusCategory":"{{category}}","trackingEvents":[{{string.Join(",", events.Select(e =>
            $$"""{"eventType":"{{e.Text}}","eventCode":"{{e.Code}}","GMTTimestamp":"{{e.Gmt}}","GMTOffset":"-05:00","eventCity":"HERNANDO","eventState":"FL","eventZIP":"34442"}"""))}}]}""";
}
