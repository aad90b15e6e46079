using System.Text.Json;
using LogisticsLink.Carriers.FedEx;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.FedEx;

/// <summary>The reader and mapper on hand-written FedEx answers (pure: no HTTP).</summary>
public sealed class FedExTrackResultMapperTests
{
    private static CarrierResult MapOnly(string trackResultJson, string number = "400000000001")
    {
        using var document = JsonDocument.Parse(trackResultJson);
        return FedExTrackResultMapper.Map(document.RootElement, number).Result;
    }

    private static string Scan(string date, string eventType, string derived, string description = "", string exception = "", string city = "MEMPHIS") => $$$"""
        {"date":"{{{date}}}","eventType":"{{{eventType}}}","eventDescription":"{{{description}}}","derivedStatusCode":"{{{derived}}}",
         "exceptionCode":"","exceptionDescription":"{{{exception}}}",
         "scanLocation":{"city":"{{{city}}}","stateOrProvinceCode":"TN","postalCode":"38118","countryCode":"us","residential":"false"}}
        """;

    private static string Result(params string[] scans) => $$$"""
        {"trackingNumberInfo":{"trackingNumber":"400000000001","carrierCode":"FDXE","trackingNumberUniqueId":"1~400000000001~FX"},
         "latestStatusDetail":{"code":"IT","derivedCode":"IT","statusByLocale":"In transit","description":"In transit"},
         "scanEvents":[{{{string.Join(',', scans)}}}]}
        """;

    [Fact]
    public void Out_for_delivery_comes_from_the_latest_scan_even_when_every_summary_says_IT()
    {
        var result = MapOnly(Result(
            Scan("2026-05-02T08:10:00-05:00", "OD", "IT", "On FedEx vehicle for delivery"),
            Scan("2026-05-02T05:00:00-05:00", "AR", "IT", "Arrived at FedEx location"),
            Scan("2026-05-01T18:00:00-05:00", "PU", "PU", "Picked up")));

        var snapshot = result.Snapshot!;
        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Status);
        Assert.Equal("out_for_delivery.on_vehicle", snapshot.StatusDetail);
        Assert.Equal(["OD", "AR", "PU"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(new TrackingLocation("MEMPHIS", "TN", "38118", "US"), snapshot.Events[0].Location);
        Assert.Equal("On FedEx vehicle for delivery", snapshot.Events[0].Description);
    }

    [Fact]
    public void Scans_listed_oldest_first_are_sorted_newest_first()
    {
        var snapshot = MapOnly(Result(
            Scan("2026-05-01T18:00:00-05:00", "PU", "PU"),
            Scan("2026-05-02T05:00:00-05:00", "AR", "IT"),
            Scan("2026-05-02T12:00:00-05:00", "DL", "DL"))).Snapshot!;

        Assert.Equal(["DL", "AR", "PU"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
    }

    [Fact]
    public void An_informational_or_unknown_scan_keeps_the_status_the_parcel_had()
    {
        var snapshot = MapOnly(Result(
            Scan("2026-05-02T09:00:00-05:00", "ZZ", "", "Something FedEx invented"),
            Scan("2026-05-02T08:30:00-05:00", "RR", "IT", "Delivery option requested"),
            Scan("2026-05-02T08:10:00-05:00", "OD", "IT"))).Snapshot!;

        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Status);
        Assert.All(snapshot.Events, e => Assert.Equal(TrackingStatus.OutForDelivery, e.Status));
        Assert.Equal("ZZ", snapshot.Events[0].RawCode);
        Assert.Equal("info.unrecognized_scan", snapshot.Events[0].StatusDetail);
    }

    [Fact]
    public void An_unknown_event_type_falls_back_to_the_derived_code()
    {
        var snapshot = MapOnly(Result(Scan("2026-05-02T09:00:00-05:00", "QQ", "DL"))).Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
    }

    [Fact]
    public void A_delivery_after_return_to_shipper_is_returned_not_delivered()
    {
        var snapshot = MapOnly(Result(
            Scan("2026-05-09T10:00:00-05:00", "DL", "DL", "Delivered"),
            Scan("2026-05-05T10:00:00-05:00", "RS", "RS", "Returning package to shipper"))).Snapshot!;

        Assert.Equal(TrackingStatus.Returned, snapshot.Status);
        Assert.Equal("returned.to_sender", snapshot.StatusDetail);
        Assert.Equal(TrackingStatus.Returning, snapshot.Events[1].Status);
    }

    [Fact]
    public void The_exception_text_and_code_are_kept_in_the_description()
    {
        var json = Result(Scan("2026-05-02T09:00:00-05:00", "DE", "DE", "Delivery exception", "Customer not available or business closed"))
            .Replace("\"exceptionCode\":\"\"", "\"exceptionCode\":\"08\"");

        var snapshot = MapOnly(json).Snapshot!;

        Assert.Equal("attempt_failed.business_closed", snapshot.StatusDetail);
        Assert.Equal("Delivery exception: Customer not available or business closed (exception 08)", snapshot.Events[0].Description);
    }

    [Fact]
    public void Without_scans_the_summary_code_decides_then_the_derived_code()
    {
        var held = MapOnly("""{"latestStatusDetail":{"code":"HL","derivedCode":"IT","description":"Held at location"},"scanEvents":[]}""").Snapshot!;
        var derived = MapOnly("""{"latestStatusDetail":{"code":"","derivedCode":"IN","description":"Initiated"}}""").Snapshot!;
        var nothing = MapOnly("""{"latestStatusDetail":{"code":"ZZ"}}""").Snapshot!;

        Assert.Equal(TrackingStatus.AvailableForPickup, held.Status);
        Assert.Equal("Held at location", held.StatusDescription);
        Assert.Equal(TrackingStatus.InfoReceived, derived.Status);
        Assert.Null(nothing.Status);
        Assert.Empty(nothing.Events);
    }

    private static string RunningLate(string derivedCode, string delayStatus, params string[] scans) =>
        Summarised(derivedCode, derivedCode == "RL" ? "Running Late" : "In transit", delayStatus, scans);

    private static string Summarised(string derivedCode, string text, string delayStatus, params string[] scans) => $$$"""
        {"trackingNumberInfo":{"trackingNumber":"400000000001","carrierCode":"FDXE","trackingNumberUniqueId":"1~400000000001~FX"},
         "latestStatusDetail":{"code":"FD","derivedCode":"{{{derivedCode}}}","statusByLocale":"{{{text}}}","description":"{{{text}}}",
                               "delayDetail":{"type":"IN_TRANSIT","subType":"","status":"{{{delayStatus}}}"}},
         "scanEvents":[{{{string.Join(',', scans)}}}]}
        """;

    [Theory]
    [InlineData("RL", "DELAYED", "Running Late")]
    [InlineData("RL", "", "Running Late")]
    [InlineData("IT", "DELAYED", "Delayed: In transit")] // FedEx's own text alone would say nothing is wrong
    public void A_parcel_fedex_marks_running_late_is_an_exception_without_an_invented_scan(string derivedCode, string delayStatus, string text)
    {
        // carriers.md l.164: latestStatusDetail code FD, derivedCode RL, "Running Late", delayDetail.status DELAYED;
        // l.452 maps derived RL to EXCEPTION. FedEx puts the delay in the summary, not in a scan.
        var snapshot = MapOnly(RunningLate(derivedCode, delayStatus,
            Scan("2026-05-02T05:00:00-05:00", "FD", "IT", "At FedEx destination facility"),
            Scan("2026-05-01T18:00:00-05:00", "PU", "PU", "Picked up"))).Snapshot!;

        Assert.Equal(TrackingStatus.Exception, snapshot.Status);
        Assert.Equal("exception.running_late", snapshot.StatusDetail);
        Assert.Equal(text, snapshot.StatusDescription);
        Assert.Equal(["FD", "PU"], snapshot.Events.Select(e => e.RawCode));
        Assert.All(snapshot.Events, e => Assert.Equal(TrackingStatus.InTransit, e.Status));
    }

    [Fact]
    public void A_running_late_summary_without_scans_is_an_exception_too()
    {
        var snapshot = MapOnly(RunningLate("RL", "DELAYED")).Snapshot!;

        Assert.Equal(TrackingStatus.Exception, snapshot.Status);
        Assert.Equal("exception.running_late", snapshot.StatusDetail);
        Assert.Empty(snapshot.Events);
    }

    [Theory]
    [InlineData("DL", "DL", TrackingStatus.Delivered)]
    [InlineData("CA", "CA", TrackingStatus.Cancelled)]
    [InlineData("RS", "RS", TrackingStatus.Returning)]
    [InlineData("DE", "DE", TrackingStatus.AttemptFailed)]
    public void A_stale_running_late_summary_does_not_override_a_final_or_worse_scan(string eventType, string derived, TrackingStatus expected)
    {
        var snapshot = MapOnly(RunningLate("RL", "DELAYED",
            Scan("2026-05-02T12:00:00-05:00", eventType, derived),
            Scan("2026-05-02T05:00:00-05:00", "FD", "IT"))).Snapshot!;

        Assert.Equal(expected, snapshot.Status);
        Assert.Equal(snapshot.Events[0].StatusDetail, snapshot.StatusDetail);
    }

    [Fact]
    public void A_delay_detail_that_is_not_delayed_changes_nothing()
    {
        var snapshot = MapOnly(RunningLate("IT", "ON_TIME",
            Scan("2026-05-02T05:00:00-05:00", "FD", "IT", "At FedEx destination facility"))).Snapshot!;

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal("in_transit.arrived_at_destination_facility", snapshot.StatusDetail);
    }

    [Fact]
    public void Proof_of_delivery_is_read_with_booleans_as_strings_or_as_booleans()
    {
        static string Delivered(string residential) => $$$"""
            {"scanEvents":[{"date":"2026-05-02T12:00:00+02:00","eventType":"DL","derivedStatusCode":"DL","eventDescription":"Delivered"}],
             "deliveryDetails":{"receivedByName":"A.DUPONT","signedByName":"","locationDescription":"Front desk",
                                "deliveryToday":"false","actualDeliveryAddress":{"residential":{{{residential}}}},
                                "deliveryOptionEligibilityDetails":[{"option":"INDIRECT_SIGNATURE_RELEASE","eligibility":"INELIGIBLE"}]},
             "availableImages":[{"type":"SIGNATURE_PROOF_OF_DELIVERY","size":"LARGE"}]}
            """;

        Assert.Equal("Delivered (received by A.DUPONT at Front desk; business address; signature image available)",
            MapOnly(Delivered("\"false\"")).Snapshot!.Events[0].Description);
        Assert.Contains("residential address", MapOnly(Delivered("true")).Snapshot!.Events[0].Description);
        Assert.Equal(new ProofOfDelivery("A.DUPONT", "Front desk", HasSignature: true, HasPhoto: false), MapOnly(Delivered("true")).Snapshot!.ProofOfDelivery);
    }

    [Theory]
    [InlineData(""","standardTransitTimeWindow":{"window":{"ends":"2026-05-06"}}""")]
    [InlineData(""","dateAndTimes":[{"type":"ESTIMATED_DELIVERY","dateTime":"2026-05-06"}]""")]
    public void A_bare_estimated_date_is_that_date_with_no_time_not_midnight_at_the_scans_offset(string estimate)
    {
        const string scan = "\"scanEvents\":[{\"date\":\"2026-05-01T18:00:00-05:00\",\"eventType\":\"PU\",\"derivedStatusCode\":\"PU\"}]";

        var snapshot = MapOnly("{" + scan + estimate + "}").Snapshot!;

        Assert.Equal(DateOnlyPromise.Of(new DateOnly(2026, 5, 6)), snapshot.EstimatedDelivery);
        Assert.Equal(TimeSpan.Zero, snapshot.EstimatedDelivery!.Value.Offset);
    }

    [Fact]
    public void The_eta_prefers_the_estimated_window_then_the_standard_window_then_dateAndTimes()
    {
        const string scan = "\"scanEvents\":[{\"date\":\"2026-05-01T18:00:00-05:00\",\"eventType\":\"PU\",\"derivedStatusCode\":\"PU\"}]";
        var estimated = MapOnly("{" + scan + ""","estimatedDeliveryTimeWindow":{"window":{"begins":"2026-05-04T08:00:00-05:00","ends":"2026-05-04T20:00:00-05:00"}},"standardTransitTimeWindow":{"window":{"ends":"2026-05-06T20:00:00-05:00"}}}""");
        var standard = MapOnly("{" + scan + ""","estimatedDeliveryTimeWindow":{"window":{}},"standardTransitTimeWindow":{"window":{"ends":"2026-05-06T20:00:00"}}}""");
        var dated = MapOnly("{" + scan + ""","dateAndTimes":[{"type":"SHIP","dateTime":"2026-05-01T00:00:00-05:00"},{"type":"ESTIMATED_DELIVERY","dateTime":"2026-05-07T12:00:00-05:00"}]}""");

        Assert.Equal(new DateTimeOffset(2026, 5, 4, 20, 0, 0, TimeSpan.FromHours(-5)), estimated.Snapshot!.EstimatedDelivery);
        Assert.Equal(new DeliveryWindow(new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.FromHours(-5)), estimated.Snapshot.EstimatedDelivery!.Value),
            estimated.Snapshot.DeliveryWindow);
        Assert.Null(standard.Snapshot!.DeliveryWindow);
        // No offset on the window: the newest scan's offset is used.
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 20, 0, 0, TimeSpan.FromHours(-5)), standard.Snapshot!.EstimatedDelivery);
        Assert.Equal(new DateTimeOffset(2026, 5, 7, 12, 0, 0, TimeSpan.FromHours(-5)), dated.Snapshot!.EstimatedDelivery);
    }

    [Fact]
    public void A_per_number_not_found_error_is_a_not_found_snapshot_and_other_errors_are_failures()
    {
        var notFound = MapOnly("""{"error":{"code":"TRACKING.TRACKINGNUMBER.NOTFOUND","message":"Tracking number cannot be found."}}""");
        var other = MapOnly("""{"error":{"code":"TRACKING.REFERENCETYPE.INVALID","message":"Invalid reference type."}}""");

        Assert.Equal(TrackingStatus.NotFound, notFound.Snapshot!.Status);
        Assert.Equal("https://www.fedex.com/fedextrack/?trknbr=400000000001", notFound.Snapshot.TrackingUrl);
        Assert.NotEmpty(notFound.Snapshot.PayloadSha256);
        Assert.False(other.IsSuccess);
        Assert.False(other.Transient);
        Assert.Contains("TRACKING.REFERENCETYPE.INVALID", other.FailureReason);
    }

    [Theory]
    [InlineData("""{"scanEvents":[{"date":"not a date","eventType":"DL"}]}""")]
    [InlineData("""{"scanEvents":[{"eventType":"DL"}]}""")]
    [InlineData("""{"scanEvents":{"eventType":"DL"}}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"scanEvents":[{"date":"2026-05-02T12:00:00Z","eventType":"DL"}],"availableImages":"yes"}""")]
    public void A_result_that_cannot_be_read_fully_is_a_failure_never_a_status(string json)
    {
        var result = MapOnly(json);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Snapshot);
    }

    [Fact]
    public void Of_duplicate_results_the_one_with_the_most_recent_scan_is_chosen_whatever_the_order()
    {
        const string json = """
            {"output":{"completeTrackResults":[{"trackingNumber":"400000000001","trackResults":[
              {"trackingNumberInfo":{"trackingNumber":"400000000001","trackingNumberUniqueId":"old"},
               "scanEvents":[{"date":"2025-11-02T12:00:00-05:00","eventType":"DL","derivedStatusCode":"DL"}]},
              {"trackingNumberInfo":{"trackingNumber":"400000000001","trackingNumberUniqueId":"new"},
               "scanEvents":[{"date":"2026-05-01T12:00:00","eventType":"OC","derivedStatusCode":"IN"}]},
              {"trackingNumberInfo":{"trackingNumber":"400000000001","trackingNumberUniqueId":"err"},
               "error":{"code":"TRACKING.TRACKINGNUMBER.NOTFOUND"}}]}]}}
            """;
        using var document = JsonDocument.Parse(json);

        var answer = FedExResponseReader.Read(document.RootElement);

        var choice = answer.Results["400000000001"];
        Assert.Equal(3, choice.Candidates);
        Assert.Equal("new", choice.UniqueId);
        Assert.Equal(TrackingStatus.InfoReceived, FedExTrackResultMapper.Map(choice.Result, "400000000001").Result.Snapshot!.Status);
    }

    [Fact]
    public void A_result_filed_under_fedexs_own_number_answers_the_number_that_was_asked()
    {
        // Asked for the 22-digit Ground barcode, FedEx names the parcel by its 15-digit number inside the result.
        const string json = """
            {"output":{"completeTrackResults":[{"trackingNumber":"9612019059600530843000","trackResults":[
              {"trackingNumberInfo":{"trackingNumber":"059600530843000"},
               "scanEvents":[{"date":"2026-05-01T12:00:00-05:00","eventType":"DL","derivedStatusCode":"DL"}]}]}]}}
            """;
        using var document = JsonDocument.Parse(json);

        var answer = FedExResponseReader.Read(document.RootElement);

        Assert.Equal(TrackingStatus.Delivered,
            FedExTrackResultMapper.Map(answer.Results["9612019059600530843000"].Result, "9612019059600530843000").Result.Snapshot!.Status);
        Assert.Equal(1, answer.Results["059600530843000"].Candidates);
    }

    [Theory]
    [InlineData("""{"errors":[{"code":"INTERNAL.SERVER.ERROR"}]}""")]
    [InlineData("""{"output":{}}""")]
    [InlineData("""{"output":[]}""")]
    [InlineData("""{"output":{"completeTrackResults":{}}}""")]
    public void An_answer_without_the_documented_shape_is_rejected(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.ThrowsAny<Exception>(() => FedExResponseReader.Read(document.RootElement));
    }
}
