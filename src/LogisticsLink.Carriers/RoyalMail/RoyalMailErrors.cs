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
        NotRecognised => CarrierResult.Success(CarrierSnapshot.NotFound(error.Description.Length > 0 ? error.Description : "Royal Mail does not recognise this barcode.")
            with { TrackingUrl = RoyalMailDefaults.TrackingUrl(trackingNumber) }),
        "E1283" => CarrierResult.Failure($"royalmail: tracking is not supported for this item ({error.Description})", transient: false),
        "E1307" => CarrierResult.Failure($"royalmail: tracking is unavailable for now ({error.Description})"),
        "E0004" => CarrierResult.Failure($"royalmail: request refused by schema or header validation ({error.Description})", transient: false),
        "E0013" => CarrierResult.Failure($"royalmail: too many parameters ({error.Description})", transient: false),
        _ => null,
    };
}
