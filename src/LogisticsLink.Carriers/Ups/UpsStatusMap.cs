using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// UPS activity status → normalized status. UPS sends three codes per activity: the coarse <c>type</c>
/// (D/I/M/MV/X/P…), the 3-digit <c>statusCode</c> and the 2-character <c>code</c>. The most specific known code wins,
/// but only when it agrees with the type's family: <c>I</c> covers both transit and out-for-delivery (the 3-digit code
/// tells them apart), while a 3-digit code that contradicts the type (say "delivered" on an <c>I</c> activity) is
/// not believed and the type alone decides. Returns null when UPS says nothing about the status.
/// </summary>
public static class UpsStatusMap
{
    public static UpsMappedStatus? Map(string? type, string? statusCode, string? code, string? description = null)
    {
        type = type?.Trim() ?? "";
        code = code?.Trim() ?? "";
        var number = ParseStatusCode(statusCode);
        var fromType = UpsStatusTables.Types.GetValueOrDefault(type);

        var byNumber = number is { } n && UpsStatusTables.StatusCodes.TryGetValue(n, out var s1) && Admits(type, s1.Status) ? s1 : null;
        var byCode = UpsStatusTables.ActivityCodes.TryGetValue(code, out var s2) && Admits(type, s2.Status) ? s2 : null;
        // Both known and agreeing: the scan code names the event more precisely ("005 on the way" vs "AR arrival scan").
        var specific = byNumber is not null && byCode is not null && byNumber.Status == byCode.Status ? byCode : byNumber ?? byCode;
        if (specific is null && number is { } none && UpsStatusTables.NoInformation.Contains(none))
        {
            // UPS says outright that it has no status ("Status Not Available"): the type beside it is not evidence.
            return null;
        }

        var mapped = specific ?? fromType;
        if (mapped is null)
        {
            // Unknown type, and no code we know: "no information" codes and anything undocumented alike carry no status.
            return null;
        }
        if (specific is null && (UpsStatusTables.NoInformationTypes.Contains(type) || UpsStatusTables.UpdateCodes.Contains(code)))
        {
            return null;
        }
        return UpsIncidents.Refine(mapped, description);
    }

    /// <summary>
    /// True when UPS documents these codes as carrying no status ("Not Available" type, 000/148/163, update-only
    /// codes), as opposed to codes this adapter does not know, which are worth a failure rather than silence.
    /// </summary>
    public static bool IsNoInformation(UpsRawStatus raw) =>
        UpsStatusTables.NoInformationTypes.Contains(raw.Type) ||
        ParseStatusCode(raw.StatusCode) is { } n && UpsStatusTables.NoInformation.Contains(n) ||
        UpsStatusTables.UpdateCodes.Contains(raw.Code);

    /// <summary>"003", "3" and " 003 " are the same code; anything else is no code.</summary>
    public static int? ParseStatusCode(string? statusCode) =>
        int.TryParse(statusCode?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Which normalized statuses a more specific code may give an activity of this type.</summary>
    public static bool Admits(string type, TrackingStatus status) => type.ToUpperInvariant() switch
    {
        "M" => status is TrackingStatus.InfoReceived,
        "MV" => status is TrackingStatus.Cancelled,
        // Delivered to an Access Point or a post office is a "delivery" to UPS, a pickup to the buyer;
        // delivered back to the shipper is a return.
        "D" => status is TrackingStatus.Delivered or TrackingStatus.AvailableForPickup or TrackingStatus.Returned,
        "X" => status is TrackingStatus.Exception or TrackingStatus.AttemptFailed or TrackingStatus.Returning or
            TrackingStatus.Returned or TrackingStatus.Lost or TrackingStatus.InTransit or TrackingStatus.AvailableForPickup,
        "RS" => status is TrackingStatus.Returning or TrackingStatus.Returned,
        "I" or "P" or "O" or "W" or "DO" or "DD" => status is TrackingStatus.InfoReceived or TrackingStatus.InTransit or
            TrackingStatus.OutForDelivery or TrackingStatus.AttemptFailed or TrackingStatus.AvailableForPickup or
            TrackingStatus.Returning or TrackingStatus.Exception,
        // No type, or one UPS has not documented: the specific code is all there is.
        _ => true,
    };
}
