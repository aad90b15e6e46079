using System.Globalization;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Sandbox.Dhl;

/// <summary>
/// Writes the visible part of a sandbox lifecycle as one DHL Unified <c>shipments[]</c> entry of service parcel-de:
/// events newest first with timestamps without a zone (UTC wall time) beside a shipment status stamped with Z, as in
/// DHL's own example; a numeric <c>id</c>; <c>references</c> as a lone object; the delivery window; once delivered
/// the proof of delivery; <c>returnFlag</c> on the way back. Scenarios that scramble their reports list events oldest
/// first with a repeat and stamp every time with the local offset.
/// </summary>
internal static class DhlShipmentRenderer
{
    public static JsonObject Render(string number, SandboxScenario scenario, int visible, DateTimeOffset firstSeen, DhlSimulatorOptions options, string service = "parcel-de")
    {
        var shown = scenario.Steps.Take(visible)
            .Select((step, k) => (Step: step, Code: DhlStepCode.Of(step), At: firstSeen + options.StepInterval * k))
            .Where(s => s.Code is not null)
            .ToList();
        var withOffset = scenario.ScrambleReports;
        var events = shown.Select(s => Event(s.Step, s.Code!, s.At, options.LocalOffset, withOffset)).ToList();
        var (last, lastCode, lastAt) = shown[^1];
        var status = Event(last, lastCode!, lastAt, options.LocalOffset, withOffset);
        status["timestamp"] = Stamp(lastAt, withOffset ? options.LocalOffset : null, zulu: !withOffset);
        if (withOffset)
        {
            events.Add(events[^1].DeepClone().AsObject());
        }
        else
        {
            events.Reverse();
        }

        var shipment = new JsonObject
        {
            ["id"] = number.Length < 16 && number.All(char.IsAsciiDigit) ? JsonValue.Create(long.Parse(number, CultureInfo.InvariantCulture)) : JsonValue.Create(number),
            ["service"] = service,
            ["origin"] = Address(shown[0].Step.Location),
            ["destination"] = Address(new TrackingLocation("Lille", "", "59000", "FR")),
            ["status"] = status,
            ["details"] = Details(number, last),
            ["events"] = new JsonArray([.. events]),
        };
        var returning = shown.Any(s => s.Step.Status is TrackingStatus.Returning or TrackingStatus.Returned);
        if (returning)
        {
            shipment["returnFlag"] = true;
        }
        if (!last.Status.IsTerminal() && !returning)
        {
            var slip = scenario.Steps.Take(visible).Sum(s => s.EtaSlipDays);
            var day = (firstSeen + options.StepInterval * scenario.Steps.Count + TimeSpan.FromDays(1 + slip)).ToOffset(options.LocalOffset);
            var from = new DateTimeOffset(day.Date.AddHours(9), options.LocalOffset);
            var through = new DateTimeOffset(day.Date.AddHours(12), options.LocalOffset);
            shipment["estimatedTimeOfDelivery"] = Stamp(through, options.LocalOffset, zulu: false);
            shipment["estimatedDeliveryTimeFrame"] = new JsonObject
            {
                ["estimatedFrom"] = Stamp(from, options.LocalOffset, zulu: false),
                ["estimatedThrough"] = Stamp(through, options.LocalOffset, zulu: false),
            };
            shipment["estimatedTimeOfDeliveryRemark"] = "Between 9:00 and 12:00";
        }
        shipment["serviceUrl"] = "https://www.dhl.de/de/privatkunden.html?piececode=" + number;
        return shipment;
    }

    /// <summary>The answer's envelope around its shipments.</summary>
    public static JsonObject Envelope(string number, params JsonObject[] shipments) => new()
    {
        ["url"] = $"/shipments?trackingNumber={number}&offset=0&limit=5",
        ["shipments"] = new JsonArray([.. shipments]),
        ["possibleAdditionalShipmentsUrl"] = new JsonArray($"/shipments?trackingNumber={number}&service=express"),
    };

    /// <summary>DHL's <c>application/problem+json</c> error document.</summary>
    public static JsonObject Problem(int status, string title, string detail, string instance) => new()
    {
        ["title"] = title,
        ["detail"] = detail,
        ["status"] = status,
        ["instance"] = instance,
    };

    private static JsonObject Event(SandboxStep step, DhlStepCode code, DateTimeOffset at, TimeSpan localOffset, bool withOffset)
    {
        var e = new JsonObject
        {
            ["timestamp"] = Stamp(at, withOffset ? localOffset : null, zulu: false),
            ["location"] = Address(step.Location),
            ["statusCode"] = code.StatusCode,
        };
        if (code.Status.Length > 0)
        {
            e["status"] = code.Status;
            e["remark"] = code.Description;
        }
        else
        {
            e["status"] = code.Description;
        }
        e["description"] = code.Description;
        return e;
    }

    private static JsonObject Details(string number, SandboxStep last)
    {
        var details = new JsonObject
        {
            ["product"] = new JsonObject { ["productName"] = "DHL PAKET" },
            ["totalNumberOfPieces"] = 1,
            ["pieceIds"] = new JsonArray(number),
            ["weight"] = new JsonObject { ["value"] = 2.5, ["unitText"] = "kg" },
            // A lone object where the spec has a list, as in DHL's own example.
            ["references"] = new JsonObject { ["number"] = "LL-" + number, ["type"] = "customer-reference" },
        };
        if (last.Status == TrackingStatus.Delivered)
        {
            var atLocker = last.Detail == "delivered.locker";
            var pod = new JsonObject
            {
                ["documentUrl"] = "https://webpod.dhl.com/webPOD/DHLePODRequest",
                ["signed"] = atLocker
                    ? new JsonObject { ["@type"] = "Person", ["familyName"] = "Martin", ["givenName"] = "J.", ["name"] = "J. Martin" }
                    : new JsonObject { ["@type"] = "Person", ["name"] = "Dupont" },
            };
            if (atLocker)
            {
                pod["signatureUrl"] = "https://webpod.dhl.com/signature/" + number;
            }
            details["proofOfDelivery"] = pod;
        }
        return details;
    }

    private static JsonObject Address(TrackingLocation location) => new()
    {
        ["address"] = new JsonObject
        {
            ["countryCode"] = location.CountryCode,
            ["postalCode"] = location.PostalCode,
            ["addressLocality"] = location.City,
        },
    };

    /// <summary>ISO 8601: with the offset, with Z, or (neither) the UTC wall time without a zone.</summary>
    private static string Stamp(DateTimeOffset at, TimeSpan? offset, bool zulu) => offset is { } o
        ? at.ToOffset(o).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)
        : at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + (zulu ? "Z" : "");
}
