using LogisticsLink.Carriers.Ups;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.Ups;

/// <summary>The mapping tables, code by code, with no HTTP. Every code in the tables has a row here.</summary>
public sealed class UpsStatusMapTests
{
    private const TrackingStatus Info = TrackingStatus.InfoReceived;
    private const TrackingStatus Transit = TrackingStatus.InTransit;
    private const TrackingStatus Out = TrackingStatus.OutForDelivery;
    private const TrackingStatus Attempt = TrackingStatus.AttemptFailed;
    private const TrackingStatus Pickup = TrackingStatus.AvailableForPickup;

    /// <summary>3-digit status code → status, detail (asked with no type, so only the code decides).</summary>
    public static readonly TheoryData<string, TrackingStatus, string> StatusCodes = new()
    {
        { "003", Info, "info_received.label_created" }, { "157", Info, "info_received.label_created" },
        { "166", Info, "info_received.label_created" }, { "079", Info, "info_received.order_processed" },
        { "080", Info, "info_received.order_processed" }, { "044", Info, "info_received.on_the_way_to_carrier" },
        { "045", Info, "info_received.on_the_way_to_carrier" },
        { "167", Transit, "in_transit.dropped_off" }, { "168", Transit, "in_transit.dropped_off" }, { "169", Transit, "in_transit.dropped_off" },
        { "038", Transit, "in_transit.picked_up" }, { "160", Transit, "in_transit.picked_up" },
        { "005", Transit, "in_transit.on_the_way" }, { "010", Transit, "in_transit.on_the_way" }, { "025", Transit, "in_transit.on_the_way" },
        { "039", Transit, "in_transit.on_the_way" }, { "047", Transit, "in_transit.on_the_way" }, { "087", Transit, "in_transit.on_the_way" },
        { "158", Transit, "in_transit.on_the_way" }, { "159", Transit, "in_transit.on_the_way" }, { "164", Transit, "in_transit.on_the_way" },
        { "165", Transit, "in_transit.on_the_way" },
        { "012", Transit, "in_transit.customs" }, { "092", Transit, "in_transit.customs" },
        { "014", Transit, "in_transit.customs_released" }, { "084", Transit, "in_transit.customs_released" }, { "134", Transit, "in_transit.customs_released" },
        { "006", Out, "out_for_delivery.on_vehicle" }, { "021", Out, "out_for_delivery.on_vehicle" }, { "037", Out, "out_for_delivery.on_vehicle" },
        { "089", Out, "out_for_delivery.on_vehicle" }, { "091", Out, "out_for_delivery.on_vehicle" }, { "146", Out, "out_for_delivery.on_vehicle" },
        { "162", Out, "out_for_delivery.on_vehicle" }, { "072", Out, "out_for_delivery.loaded_on_vehicle" }, { "078", Out, "out_for_delivery.arriving_soon" },
        { "011", TrackingStatus.Delivered, "delivered.address" }, { "026", TrackingStatus.Delivered, "delivered.local_post_office" },
        { "143", TrackingStatus.Delivered, "delivered.agent" },
        { "022", Attempt, "attempt_failed.first_attempt" }, { "023", Attempt, "attempt_failed.second_attempt" },
        { "024", Attempt, "attempt_failed.final_attempt" }, { "060", Attempt, "attempt_failed.attempted" }, { "145", Attempt, "attempt_failed.attempted" },
        { "061", Attempt, "attempt_failed.signature_required" }, { "062", Attempt, "attempt_failed.payment_required" },
        { "066", Attempt, "attempt_failed.post_office" },
        { "017", Pickup, "available_for_pickup.held_for_pickup" }, { "040", Pickup, "available_for_pickup.held_for_pickup" },
        { "144", Pickup, "available_for_pickup.post_office" }, { "161", Pickup, "available_for_pickup.access_point" },
        { "033", TrackingStatus.Returning, "returning.requested" }, { "119", TrackingStatus.Returning, "returning.requested" },
        { "035", TrackingStatus.Returning, "returning.to_sender" }, { "036", TrackingStatus.Returning, "returning.to_sender" },
        { "067", TrackingStatus.Returning, "returning.by_post_office" }, { "081", TrackingStatus.Returning, "returning.damaged" },
        { "118", TrackingStatus.Returning, "returning.to_sender" }, { "034", TrackingStatus.Returned, "returned.to_sender" },
        { "013", TrackingStatus.Exception, "exception.carrier" }, { "029", TrackingStatus.Exception, "exception.carrier" },
        { "046", TrackingStatus.Exception, "exception.delayed" }, { "048", TrackingStatus.Exception, "exception.delayed" },
        { "086", TrackingStatus.Exception, "exception.delayed" }, { "090", TrackingStatus.Exception, "exception.delayed" },
        { "050", TrackingStatus.Exception, "exception.address_issue" }, { "059", TrackingStatus.Exception, "exception.damaged" },
        { "064", TrackingStatus.Exception, "exception.refused" }, { "069", TrackingStatus.Exception, "exception.undeliverable" },
        { "068", TrackingStatus.Exception, "exception.lost_and_found" }, { "147", TrackingStatus.Lost, "lost.seized" },
        { "149", TrackingStatus.Lost, "lost.destroyed" },
        { "007", TrackingStatus.Cancelled, "cancelled.label_voided" }, { "043", TrackingStatus.Cancelled, "cancelled.pickup_voided" },
    };

    [Theory]
    [MemberData(nameof(StatusCodes))]
    public void Status_code(string statusCode, TrackingStatus status, string detail) =>
        Assert.Equal(new UpsMappedStatus(status, detail), UpsStatusMap.Map("", statusCode, ""));

    [Fact]
    public void Every_status_code_in_the_table_is_tested_here()
    {
        var tested = StatusCodes.Select(row => int.Parse((string)row[0])).ToHashSet();
        Assert.Equal(UpsStatusTables.StatusCodes.Keys.Order(), tested.Order());
    }

    public static readonly TheoryData<string, TrackingStatus, string> ActivityCodes = new()
    {
        { "MP", Info, "info_received.label_created" },
        { "DP", Info, "info_received.label_created" },
        { "RD", Info, "info_received.label_created" },
        { "VP", TrackingStatus.Cancelled, "cancelled.label_voided" },
        { "OT", Out, "out_for_delivery.on_vehicle" },
        { "F4", TrackingStatus.Delivered, "delivered.address" },
        { "KB", TrackingStatus.Delivered, "delivered.address" },
        { "FS", TrackingStatus.Delivered, "delivered.address" },
        { "DS", Transit, "in_transit.arrived_at_destination_facility" },
        { "AR", Transit, "in_transit.arrived_at_facility" },
        { "SR", Transit, "in_transit.customs_released" },
    };

    [Theory]
    [MemberData(nameof(ActivityCodes))]
    public void Activity_code_when_there_is_no_status_code(string code, TrackingStatus status, string detail)
        => Assert.Equal(new UpsMappedStatus(status, detail), UpsStatusMap.Map("", "", code));

    public static readonly TheoryData<string, TrackingStatus, string> Types = new()
    {
        { "M", Info, "info_received.label_created" },
        { "MV", TrackingStatus.Cancelled, "cancelled.label_voided" },
        { "P", Transit, "in_transit.picked_up" },
        { "I", Transit, "in_transit.on_the_way" },
        { "O", Out, "out_for_delivery.on_vehicle" },
        { "D", TrackingStatus.Delivered, "delivered.address" },
        { "X", TrackingStatus.Exception, "exception.carrier" },
        { "RS", TrackingStatus.Returning, "returning.to_sender" },
        { "DO", Transit, "in_transit.freight_station" },
        { "DD", Transit, "in_transit.freight_station" },
        { "W", Transit, "in_transit.warehoused" },
        { "d", TrackingStatus.Delivered, "delivered.address" },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Type_alone(string type, TrackingStatus status, string detail)
        => Assert.Equal(new UpsMappedStatus(status, detail), UpsStatusMap.Map(type, "", ""));

    [Fact]
    public void Every_activity_code_and_type_in_the_tables_is_tested_here()
    {
        Assert.Equal(UpsStatusTables.ActivityCodes.Keys.Order(), ActivityCodes.Select(row => (string)row[0]).Order());
        Assert.Equal(UpsStatusTables.Types.Keys.Order(), Types.Select(row => (string)row[0]).Where(t => t != "d").Order());
    }

    [Theory]
    [InlineData("I", "021", "", Out)]                           // I covers out-for-delivery: the status code decides
    [InlineData("I", "", "OT", Out)]
    [InlineData("I", "011", "", Transit)]                       // "delivered" on an I activity is not believed
    [InlineData("M", "021", "", Info)]                          // nor out-for-delivery on a manifest record
    [InlineData("MV", "003", "MP", TrackingStatus.Cancelled)]
    [InlineData("D", "161", "", Pickup)]                        // delivered to an Access Point: the buyer still has to collect it
    [InlineData("D", "034", "", TrackingStatus.Returned)]
    [InlineData("X", "003", "SR", Transit)]                     // UPS's own sample: X / SR / 003 — released by customs
    [InlineData("X", "011", "", TrackingStatus.Exception)]
    [InlineData("X", "022", "", Attempt)]
    [InlineData("ZZ", "011", "", TrackingStatus.Delivered)]     // an undocumented type: the code is all there is
    [InlineData("I", "3", "", Info)]                            // unpadded
    [InlineData("I", " 005 ", "", Transit)]
    public void The_most_specific_code_wins_when_it_agrees_with_the_type(string type, string statusCode, string code, TrackingStatus expected) =>
        Assert.Equal(expected, UpsStatusMap.Map(type, statusCode, code)!.Status);

    [Theory]
    [InlineData("NA", "", "")]
    [InlineData("U", "", "")]
    [InlineData("I", "000", "")]
    [InlineData("I", "148", "")]
    [InlineData("X", "163", "")]
    [InlineData("I", "", "PX")]          // delivery photo added
    [InlineData("D", "", "UP")]          // updated date
    [InlineData("I", "", "UT")]          // updated time
    [InlineData("", "", "")]
    [InlineData("ZZ", "999", "QQ")]
    public void Codes_that_say_nothing_about_the_status_map_to_nothing(string type, string statusCode, string code) =>
        Assert.Null(UpsStatusMap.Map(type, statusCode, code));

    [Theory]
    [InlineData("NA", "", "", true)]
    [InlineData("I", "148", "", true)]
    [InlineData("I", "", "UT", true)]
    [InlineData("ZZ", "999", "QQ", false)]
    public void No_information_codes_are_told_apart_from_unknown_ones(string type, string statusCode, string code, bool noInformation) =>
        Assert.Equal(noInformation, UpsStatusMap.IsNoInformation(new UpsRawStatus(type, code, statusCode)));

    [Theory]
    [InlineData("X", "029", "Severe weather conditions have delayed delivery.", "exception.delayed_weather")]
    [InlineData("X", "046", "Delay: storm in the area", "exception.delayed_weather")]
    [InlineData("X", "013", "The package is held by the customs agency.", "exception.customs_hold")]
    [InlineData("X", "029", "The address is incorrect.", "exception.address_issue")]
    [InlineData("X", "069", "Damaged in transit.", "exception.damaged")]
    [InlineData("X", "029", "The receiver refused the package.", "exception.refused")]
    [InlineData("X", "029", "A sorting error occurred.", "exception.carrier")]
    [InlineData("X", "022", "The receiver was not available for delivery.", "attempt_failed.recipient_absent")]
    [InlineData("X", "023", "The business was closed.", "attempt_failed.business_closed")]
    [InlineData("X", "024", "Delivery refused.", "attempt_failed.refused")]
    [InlineData("X", "060", "Address could not be found.", "attempt_failed.address_issue")]
    [InlineData("X", "061", "Adult signature required, nobody home.", "attempt_failed.signature_required")]
    [InlineData("X", "059", "weather damage", "exception.damaged")]   // a cause UPS coded already is kept
    // UPS's own text for 147: seized and gone, not a customs hold that clears.
    [InlineData("X", "147", "Seized by Law Enforcement, No Longer in UPS possession", "lost.seized")]
    public void Incidents_are_attributed_from_the_text_only_where_the_code_is_generic(string type, string statusCode, string description, string detail) =>
        Assert.Equal(detail, UpsStatusMap.Map(type, statusCode, "", description)!.Detail);
}
