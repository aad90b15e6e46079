using System.Text.Json;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>
/// Royal Mail's error body, <c>{httpCode, httpMessage, moreInformation, errors[{errorCode, errorDescription,
/// errorCause, errorResolution}]}</c>, read into a result. Tracking errors (E11xx, E12xx, E13xx) concern the item;
/// technical ones (E00xx) the call. Royal Mail does not always send an errorCode, so the HTTP status decides then.
/// </summary>
public static class RoyalMailErrors
{
    /// <summary>Barcode reference not recognised: the number is unknown to Royal Mail.</summary>
    public const string NotRecognised = "E1142";

    /// <summary>Update not available (two codes, carriers.md §1.6): Royal Mail holds no tracking update for the item yet.</summary>
    public const string UpdateNotAvailableE1284 = "E1284";

    /// <inheritdoc cref="UpdateNotAvailableE1284"/>
    public const string UpdateNotAvailableE1308 = "E1308";

    public sealed record Error(string Code, string Description);

    /// <summary>The first error of the body, or null when it names none (or is not JSON).</summary>
    public static Error? First(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var error = root.Objects("errors").FirstOrDefault();
            if (error.ValueKind == JsonValueKind.Object)
            {
                return new Error(error.Str("errorCode"), error.Str("errorDescription"));
            }
            var more = root.Str("moreInformation") is { Length: > 0 } m ? m : root.Str("httpMessage");
            return more.Length > 0 ? new Error("", more) : null;
        }
        catch (Exception e) when (e is JsonException or RoyalMailShapeException)
        {
            return null;
        }
    }

    /// <summary>The result for an answer that carries a Royal Mail error code, or null when the code is not one we read.</summary>
    public static CarrierResult? ForCode(Error error, string trackingNumber) => error.Code.ToUpperInvariant() switch
    {
        NotRecognised => NothingYet(error, trackingNumber, "Royal Mail does not recognise this barcode."),
        // Not a failed call: Royal Mail answered that it has nothing to show for the item yet, the NOT_FOUND case, so
        // the parcel is not flagged stale and keeps its back-off. A parcel already scanned keeps its status: the
        // tracker never lets NOT_FOUND replace a known one. Unlike E1307 (the tracking service is unavailable for now,
        // a transient failure) the call itself worked.
        UpdateNotAvailableE1284 or UpdateNotAvailableE1308 => NothingYet(error, trackingNumber, "Royal Mail has no tracking update for this item yet."),
        "E1283" => CarrierResult.Failure($"royalmail: tracking is not supported for this item ({error.Description})", transient: false),
        "E1307" => CarrierResult.Failure($"royalmail: tracking is unavailable for now ({error.Description})"),
        "E0004" => CarrierResult.Failure($"royalmail: request refused by schema or header validation ({error.Description})", transient: false),
        "E0013" => CarrierResult.Failure($"royalmail: too many parameters ({error.Description})", transient: false),
        _ => null,
    };

    private static CarrierResult NothingYet(Error error, string trackingNumber, string fallbackDescription) =>
        CarrierResult.Success(CarrierSnapshot.NotFound(error.Description.Length > 0 ? error.Description : fallbackDescription)
            with { TrackingUrl = RoyalMailDefaults.TrackingUrl(trackingNumber) });
}
