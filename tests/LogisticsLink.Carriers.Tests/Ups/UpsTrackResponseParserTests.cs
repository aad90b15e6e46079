using LogisticsLink.Carriers.Ups;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Carriers.Tests.Ups.UpsFixtures;

namespace LogisticsLink.Carriers.Tests.Ups;

/// <summary>The parser on hand-written bodies: every documented quirk, and every way a body can be wrong.</summary>
public sealed class UpsTrackResponseParserTests
{
    private static CarrierSnapshot Ok(string body)
    {
        var result = UpsTrackResponseParser.Parse(Number, body);
        Assert.True(result.IsSuccess, result.FailureReason);
        return result.Snapshot!;
    }

    private static readonly string Delivered = Status("D", "F4", "011", "Delivered");

    [Fact]
    public void Newest_first_activity_becomes_events_sorted_newest_first_with_raw_codes_kept()
    {
        var snapshot = Ok(Single(
        [
            Activity("D", "F4", "011", "Delivered", gmtTime: "191500"),
            Activity("I", "OT", "021", "Out For Delivery Today", gmtTime: "130000"),
            Activity("M", "MP", "003", "Shipper created a label", gmtDate: "20260308", gmtTime: "090000"),
        ], Delivered));

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(["D/F4/011", "I/OT/021", "M/MP/003"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal([TrackingStatus.Delivered, TrackingStatus.OutForDelivery, TrackingStatus.InfoReceived], snapshot.Events.Select(e => e.Status));
        Assert.Equal("Out For Delivery Today", snapshot.Events[1].Description);
        Assert.Equal(new TrackingLocation("ATLANTA", "GA", "30301", "US"), snapshot.Events[1].Location);
        Assert.Equal("poll", snapshot.Events[1].Source);
    }

    [Fact]
    public void Oldest_first_activity_is_sorted_too()
    {
        var snapshot = Ok(Single(
        [
            Activity("M", "MP", "003", "Label", gmtTime: "090000"),
            Activity("I", "AR", "005", "Arrived", gmtTime: "120000"),
        ], Status("I", "AR", "005", "Arrived")));

        Assert.Equal(["I/AR/005", "M/MP/003"], snapshot.Events.Select(e => e.RawCode));
    }

    [Fact]
    public void Gmt_fields_give_the_instant_shown_at_the_local_offset_and_unpadded_gmt_times_are_read()
    {
        var e = Ok(Single([Activity("I", "AR", "005", "Arrived", date: "20260310", time: "024700", gmtDate: "20260310", gmtTime: "74700", gmtOffset: "-05:00")],
            Status("I", "AR", "005", "Arrived"))).Events.Single();

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 7, 47, 0, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(-5), e.OccurredAt.Offset);
    }

    [Fact]
    public void Gmt_fields_win_over_a_local_time_that_disagrees()
    {
        var e = Ok(Single([Activity("I", "AR", "005", "Arrived", time: "235959", gmtTime: "143000", gmtOffset: "-05:00")],
            Status("I", "AR", "005", "Arrived"))).Events.Single();

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.Zero), e.OccurredAt);
    }

    [Fact]
    public void Without_gmt_date_and_time_the_local_time_and_offset_give_the_instant()
    {
        var e = Ok(Single([Activity("I", "AR", "005", "Arrived", time: "093000", gmtDate: null, gmtTime: null, gmtOffset: "-05:00")],
            Status("I", "AR", "005", "Arrived"))).Events.Single();

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.Zero), e.OccurredAt);
    }

    [Fact]
    public void A_gmt_date_with_an_empty_gmt_time_leaves_the_instant_to_the_local_time_so_the_delivery_stays_newest()
    {
        var snapshot = Ok(Single(
        [
            Activity("D", "FS", "011", "Delivered", date: "20251118", time: "181553", gmtDate: "20251118", gmtTime: "", gmtOffset: "-05:00"),
            Activity("I", "OT", "021", "Out For Delivery Today", date: "20251118", time: "091519", gmtDate: "20251118", gmtTime: "141519", gmtOffset: "-05:00"),
        ], Status("D", "FS", "011", "Delivered")));

        Assert.Equal(["D/FS/011", "I/OT/021"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(new DateTimeOffset(2025, 11, 18, 18, 15, 53, TimeSpan.FromHours(-5)), snapshot.Events[0].OccurredAt);
    }

    [Fact]
    public void With_only_a_local_time_it_is_read_as_utc()
    {
        var e = Ok(Single([Activity("I", "AR", "005", "Arrived", time: "093000", gmtDate: null, gmtTime: null, gmtOffset: null)],
            Status("I", "AR", "005", "Arrived"))).Events.Single();

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero), e.OccurredAt);
    }

    [Fact]
    public void An_activity_without_any_readable_date_is_a_failure_not_a_guess()
    {
        var result = UpsTrackResponseParser.Parse(Number, Single(
            [Activity("I", "AR", "005", "Arrived", date: "2026-03-10", gmtDate: null)], Status("I", "AR", "005", "Arrived")));

        Assert.False(result.IsSuccess);
        Assert.Contains("no readable date", result.FailureReason);
    }

    [Fact]
    public void Repeated_scans_and_a_repeated_package_are_kept_once()
    {
        var scans = new[]
        {
            Activity("I", "OT", "021", "Out For Delivery Today", gmtTime: "130000"),
            Activity("I", "OT", "021", "OUT FOR DELIVERY TODAY", gmtTime: "130000"),
            Activity("I", "AR", "005", "Arrived", gmtTime: "090000"),
        };
        var current = Status("I", "OT", "021", "Out For Delivery Today");
        var snapshot = Ok(Body(Package(Number, current, scans), Package(Number, current, scans)));

        Assert.Equal(["I/OT/021", "I/AR/005"], snapshot.Events.Select(e => e.RawCode));
    }

    [Fact]
    public void Among_several_packages_only_the_asked_number_counts()
    {
        var mine = Package(Number, Status("I", "AR", "005", "Arrived"), [Activity("I", "AR", "005", "Arrived")]);
        var other = Package("1Z999AA10123456791", Delivered, [Activity("D", "F4", "011", "Delivered")]);

        Assert.Equal(TrackingStatus.InTransit, Ok(Body(other, mine)).Status);
    }

    [Fact]
    public void Several_packages_none_of_them_the_asked_number_is_a_failure()
    {
        var a = Package("1Z999AA10123456791", Delivered, [Activity("D", "F4", "011", "Delivered")]);
        var b = Package("1Z999AA10123456792", Delivered, [Activity("D", "F4", "011", "Delivered")]);

        Assert.False(UpsTrackResponseParser.Parse(Number, Body(a, b)).IsSuccess);
    }

    [Fact]
    public void A_lone_package_under_another_number_is_ours()
    {
        var alternate = Package("92419900000033499522966220", Delivered, [Activity("D", "F4", "011", "Delivered")]);

        Assert.Equal(TrackingStatus.Delivered, Ok(Body(alternate)).Status);
    }

    [Fact]
    public void Update_only_scans_keep_the_status_they_follow()
    {
        var snapshot = Ok(Single(
        [
            Activity("I", "PX", "", "Delivery photo added", gmtTime: "200000"),
            Activity("D", "F4", "011", "Delivered", gmtTime: "191500"),
            Activity("NA", "", "000", "Status not available", gmtTime: "080000"),
        ], Delivered));

        Assert.Equal(["I/PX/", "D/F4/011"], snapshot.Events.Select(e => e.RawCode));
        Assert.All(snapshot.Events, e => Assert.Equal(TrackingStatus.Delivered, e.Status));
    }

    [Theory]
    [InlineData("NA", "", "148", "Package information unavailable")]
    [InlineData("NA", "", "000", "Status Not Available")]
    [InlineData("", "", "163", "Package information unavailable")]
    public void Only_no_information_codes_is_no_information_yet_not_a_number_ups_does_not_know(string type, string code, string statusCode, string description)
    {
        // carriers.md §4.2-4.3: UNKNOWN ("no data": UPS NA, 000, 148, 163) is not NOT_FOUND ("carrier says number
        // unknown": TW0001). UPS knows the package; reading it as NOT_FOUND would tell the seller the number is wrong.
        var snapshot = Ok(Single([Activity(type, code, statusCode, description)], Status(type, code, statusCode, description)));

        Assert.Equal(TrackingStatus.Pending, snapshot.Status);
        Assert.Empty(snapshot.Events);
        Assert.Equal("UPS has no information for this package yet.", snapshot.StatusDescription);
        Assert.Equal(UpsTrackResponseParser.TrackingUrl(Number), snapshot.TrackingUrl);
        Assert.Matches("^[0-9a-f]{64}$", snapshot.PayloadSha256);
    }

    [Fact]
    public void Only_codes_nobody_documented_is_a_failure_not_a_guess()
    {
        var result = UpsTrackResponseParser.Parse(Number, Single([Activity("ZZ", "QQ", "999", "???")], Status("ZZ", "QQ", "999", "???")));

        Assert.False(result.IsSuccess);
        Assert.Contains("ZZ/QQ/999", result.FailureReason);
    }

    [Fact]
    public void Numbers_and_booleans_as_strings_and_a_lone_object_for_a_list_are_read()
    {
        const string body = """
            { "trackResponse": { "shipment": { "inquiryNumber": "1Z999AA10123456784", "package": {
                "trackingNumber": "1Z999AA10123456784", "packageCount": 1, "isSmartPackage": true,
                "currentStatus": { "type": "I", "code": "OT", "statusCode": 21, "description": "Out For Delivery Today" },
                "deliveryInformation": { "receivedBy": "", "deliveryPhoto": { "photoCaptureInd": "N", "isNonPostalCodeCountry": "false" } },
                "activity": { "date": 20260310, "time": 93000, "gmtDate": "20260310", "gmtTime": 143000, "gmtOffset": "-05:00", "logicalScan": true,
                              "status": { "type": "I", "code": "OT", "statusCode": "021", "description": "Out For Delivery Today" } } } } } }
            """;
        var snapshot = Ok(body);

        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.Zero), Assert.Single(snapshot.Events).OccurredAt);
    }

    [Fact]
    public void Proof_of_delivery_is_described_with_signer_place_and_images()
    {
        const string pod = """
            "deliveryInformation": { "receivedBy": "SMITH", "location": "Front Door", "signature": { "image": "R0lGODlh" },
                                     "deliveryPhoto": { "photoCaptureInd": "Y", "isNonPostalCodeCountry": "false" } },
            "deliveryDate": [ { "type": "DEL", "date": "20260310" } ],
            """;
        var snapshot = Ok(Single([Activity("D", "F4", "011", "Delivered")], Delivered, pod));

        Assert.Equal("Delivered — received by SMITH, left at Front Door, signature on file, photo on file", snapshot.StatusDescription);
        Assert.Equal(new ProofOfDelivery("SMITH", "Front Door", HasSignature: true, HasPhoto: true), snapshot.ProofOfDelivery);
        Assert.Null(snapshot.EstimatedDelivery);
    }

    [Fact]
    public void The_estimate_is_the_end_of_the_window_on_the_rescheduled_date()
    {
        const string eta = """
            "deliveryDate": [ { "type": "SDD", "date": "20260312" }, { "type": "RDD", "date": "20260313" } ],
            "deliveryTime": { "type": "EDW", "startTime": "090000", "endTime": "120000" },
            """;
        var snapshot = Ok(Single([Activity("X", "WX", "046", "Weather delay", gmtOffset: "-05:00")], Status("X", "WX", "046", "Weather delay"), eta));

        Assert.Equal(new DateTimeOffset(2026, 3, 13, 12, 0, 0, TimeSpan.FromHours(-5)), snapshot.EstimatedDelivery);
        Assert.Equal(new DeliveryWindow(new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.FromHours(-5)), snapshot.EstimatedDelivery!.Value),
            snapshot.DeliveryWindow);
        Assert.Null(snapshot.ProofOfDelivery);
        Assert.Equal("exception.delayed_weather", snapshot.StatusDetail);
    }

    [Fact]
    public void A_date_only_estimate_is_that_date_at_midnight_utc()
    {
        const string eta = """ "deliveryDate": [ { "type": "SDD", "date": "20260312" } ], """;
        var snapshot = Ok(Single([Activity("I", "AR", "005", "Arrived")], Status("I", "AR", "005", "Arrived"), eta));

        Assert.Equal(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero), snapshot.EstimatedDelivery);
    }

    [Fact]
    public void Tw0001_is_not_found_and_keeps_the_payload_hash()
    {
        var snapshot = Ok(NotFound);

        Assert.Equal(TrackingStatus.NotFound, snapshot.Status);
        Assert.Equal("UPS: Tracking Information Not Found", snapshot.StatusDescription);
        Assert.Matches("^[0-9a-f]{64}$", snapshot.PayloadSha256);
        Assert.True(UpsTrackResponseParser.IsNotFound(NotFound) is false, "the 404 probe reads errors, not warnings");
    }

    [Fact]
    public void An_error_body_is_a_permanent_failure_with_its_code()
    {
        var result = UpsTrackResponseParser.Parse(Number, InvalidNumber);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Equal("ups: TV1002 Invalid inquiry number", result.FailureReason);
        Assert.Equal("TV1002 Invalid inquiry number", UpsTrackResponseParser.ErrorSummary(InvalidNumber));
    }

    [Theory]
    [InlineData("{\"trackResponse\":{\"shipment\":[{\"package\":[{\"activity\":[")]
    [InlineData("<html>Service Unavailable</html>")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"trackResponse\":{}}")]
    [InlineData("{\"trackResponse\":{\"shipment\":[]}}")]
    [InlineData("{\"trackResponse\":{\"shipment\":\"none\"}}")]
    [InlineData("{\"trackResponse\":{\"shipment\":[{\"warnings\":[{\"code\":\"TW0002\",\"message\":\"other\"}]}]}}")]
    [InlineData("{\"trackResponse\":{\"shipment\":[{\"package\":[{\"trackingNumber\":\"1Z999AA10123456784\",\"activity\":[{\"date\":\"20260310\",\"time\":\"0900\"}]}]}]}}")]
    [InlineData("{\"trackResponse\":{\"shipment\":[{\"package\":[{\"activity\":[{\"date\":\"20260310\",\"status\":{\"type\":{\"x\":1}}}]}]}]}}")]
    public void Malformed_or_unexpected_bodies_are_failures_never_exceptions(string body)
    {
        var result = UpsTrackResponseParser.Parse(Number, body);

        Assert.False(result.IsSuccess);
        Assert.StartsWith("ups: ", result.FailureReason);
    }
}
