using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// The UPS code tables behind <see cref="UpsStatusMap"/>, taken from UPS's published "Status/Description codes"
/// (3 digits), "Package Activity Types" and activity/manifest code lists. A code missing here is not guessed: the
/// mapper falls back to the activity type, which UPS always sends.
/// </summary>
public static class UpsStatusTables
{
    private static UpsMappedStatus Info(string sub) => new(TrackingStatus.InfoReceived, "info_received." + sub);
    private static UpsMappedStatus Transit(string sub) => new(TrackingStatus.InTransit, "in_transit." + sub);
    private static UpsMappedStatus Out(string sub) => new(TrackingStatus.OutForDelivery, "out_for_delivery." + sub);
    private static UpsMappedStatus Attempt(string sub) => new(TrackingStatus.AttemptFailed, "attempt_failed." + sub);
    private static UpsMappedStatus Pickup(string sub) => new(TrackingStatus.AvailableForPickup, "available_for_pickup." + sub);
    private static UpsMappedStatus Delivered(string sub) => new(TrackingStatus.Delivered, "delivered." + sub);
    private static UpsMappedStatus Exception(string sub) => new(TrackingStatus.Exception, "exception." + sub);
    private static UpsMappedStatus Returning(string sub) => new(TrackingStatus.Returning, "returning." + sub);
    private static UpsMappedStatus Returned(string sub) => new(TrackingStatus.Returned, "returned." + sub);
    private static UpsMappedStatus Lost(string sub) => new(TrackingStatus.Lost, "lost." + sub);
    private static UpsMappedStatus Cancelled(string sub) => new(TrackingStatus.Cancelled, "cancelled." + sub);

    /// <summary>
    /// <c>status.statusCode</c>, the most specific thing UPS says. Keys are the numeric value, because UPS pads them
    /// ("003") but not every producer does ("3").
    /// </summary>
    public static readonly IReadOnlyDictionary<int, UpsMappedStatus> StatusCodes = new Dictionary<int, UpsMappedStatus>
    {
        // Label or order exists, UPS does not have the parcel yet.
        [3] = Info("label_created"),
        [157] = Info("label_created"),
        [166] = Info("label_created"),       // ready for Roadie
        [79] = Info("order_processed"),
        [80] = Info("order_processed"),
        [44] = Info("on_the_way_to_carrier"),
        [45] = Info("on_the_way_to_carrier"),
        // The customer handed it over: UPS has it, so it is moving (AfterShip/EasyPost treat acceptance the same way).
        [167] = Transit("dropped_off"),
        [168] = Transit("dropped_off"),
        [169] = Transit("dropped_off"),
        [38] = Transit("picked_up"),
        [160] = Transit("picked_up"),
        [5] = Transit("on_the_way"),
        [10] = Transit("on_the_way"),
        [25] = Transit("on_the_way"),
        [39] = Transit("on_the_way"),
        [47] = Transit("on_the_way"),
        [87] = Transit("on_the_way"),
        [158] = Transit("on_the_way"),
        [159] = Transit("on_the_way"),
        [164] = Transit("on_the_way"),
        [165] = Transit("on_the_way"),
        // Customs progress is movement, not a problem, until UPS reports a hold or a delay.
        [12] = Transit("customs"),
        [92] = Transit("customs"),
        [14] = Transit("customs_released"),
        [84] = Transit("customs_released"),
        [134] = Transit("customs_released"),
        [6] = Out("on_vehicle"),
        [21] = Out("on_vehicle"),
        [37] = Out("on_vehicle"),
        [89] = Out("on_vehicle"),
        [91] = Out("on_vehicle"),
        [146] = Out("on_vehicle"),
        [162] = Out("on_vehicle"),
        [72] = Out("loaded_on_vehicle"),
        [78] = Out("arriving_soon"),
        [11] = Delivered("address"),
        [26] = Delivered("local_post_office"),
        [143] = Delivered("agent"),
        [22] = Attempt("first_attempt"),
        [23] = Attempt("second_attempt"),
        [24] = Attempt("final_attempt"),
        [60] = Attempt("attempted"),
        [145] = Attempt("attempted"),
        [61] = Attempt("signature_required"),   // recipient: an adult signature was needed
        [62] = Attempt("payment_required"),     // recipient: funds (COD, duties) were due
        [66] = Attempt("post_office"),
        [17] = Pickup("held_for_pickup"),
        [40] = Pickup("held_for_pickup"),
        [144] = Pickup("post_office"),
        [161] = Pickup("access_point"),
        [33] = Returning("requested"),
        [119] = Returning("requested"),
        [35] = Returning("to_sender"),
        [36] = Returning("to_sender"),
        [67] = Returning("by_post_office"),
        [81] = Returning("damaged"),
        [118] = Returning("to_sender"),
        [34] = Returned("to_sender"),
        [13] = Exception("carrier"),
        [29] = Exception("carrier"),
        [46] = Exception("delayed"),
        [48] = Exception("delayed"),
        [86] = Exception("delayed"),
        [90] = Exception("delayed"),
        [50] = Exception("address_issue"),       // recipient/sender: the address is incomplete
        [59] = Exception("damaged"),             // carrier
        [64] = Exception("refused"),             // recipient; UPS then returns it, which a later scan reports
        [69] = Exception("undeliverable"),
        // "Lost and Found" is a UPS department: the parcel may still be matched and sent on, so it is not LOST yet.
        [68] = Exception("lost_and_found"),
        // "Seized by Law Enforcement, No Longer in UPS possession" and "Prohibited Contents, Package Destroyed": nothing
        // will ever arrive, whoever did it.
        [147] = Lost("seized"),
        [149] = Lost("destroyed"),
        [7] = Cancelled("label_voided"),
        [43] = Cancelled("pickup_voided"),
    };

    /// <summary>
    /// Status codes UPS documents as "no information" (000 Status Not Available, 148/163 Package Information
    /// Unavailable). They carry no status, so they never move one.
    /// </summary>
    public static readonly IReadOnlySet<int> NoInformation = new HashSet<int> { 0, 148, 163 };

    /// <summary>
    /// <c>status.code</c>, the 2-character activity code, for when the 3-digit code is absent or not in the table.
    /// Only codes whose meaning UPS documents (manifest, delivery, out-for-delivery, scans) are listed.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, UpsMappedStatus> ActivityCodes = new Dictionary<string, UpsMappedStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["MP"] = Info("label_created"),
        ["DP"] = Info("label_created"),
        ["RD"] = Info("label_created"),   // Roadie label
        ["VP"] = Cancelled("label_voided"),
        ["OT"] = Out("on_vehicle"),
        ["F4"] = Delivered("address"),
        ["KB"] = Delivered("address"),
        ["FS"] = Delivered("address"),
        ["DS"] = Transit("arrived_at_destination_facility"),
        ["AR"] = Transit("arrived_at_facility"),
        ["SR"] = Transit("customs_released"),
    };

    /// <summary>Update-only activity codes (delivery photo, updated date, updated time): they repeat a status, never set one.</summary>
    public static readonly IReadOnlySet<string> UpdateCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "PX", "UP", "UT" };

    /// <summary>
    /// <c>status.type</c>, UPS's "Package Activity Types" (plus the legacy <c>P</c> pickup and the community-listed
    /// <c>O</c>/<c>RS</c>): the coarse family every activity carries.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, UpsMappedStatus> Types = new Dictionary<string, UpsMappedStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["M"] = Info("label_created"),
        ["MV"] = Cancelled("label_voided"),
        ["P"] = Transit("picked_up"),
        ["I"] = Transit("on_the_way"),
        ["O"] = Out("on_vehicle"),
        ["D"] = Delivered("address"),
        ["X"] = Exception("carrier"),
        ["RS"] = Returning("to_sender"),
        // Freight: delivered to a container freight station or held in a warehouse is still on the way to the buyer.
        ["DO"] = Transit("freight_station"),
        ["DD"] = Transit("freight_station"),
        ["W"] = Transit("warehoused"),
    };

    /// <summary>Types that carry no status: "Not Available" and Track Alert's "Updates".</summary>
    public static readonly IReadOnlySet<string> NoInformationTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "NA", "U" };
}
