using System.Globalization;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Sandbox.Ups;

/// <summary>
/// Writes the visible part of a sandbox lifecycle in the Track API v1 <c>details</c> shape: activity newest-first
/// (oldest-first with a repeated scan for scenarios that scramble their reports), local <c>date</c>/<c>time</c> beside
/// <c>gmtDate</c>/<c>gmtTime</c>/<c>gmtOffset</c> with the GMT time unpadded as UPS sends it, booleans and counts as
/// strings, the delivery promise and, once delivered, the proof of delivery.
/// </summary>
internal static class UpsTrackingRenderer
{
    public static JsonObject Render(string number, SandboxScenario scenario, int visible, DateTimeOffset firstSeen,
        UpsSimulatorOptions options, bool withSignature)
    {
        var steps = scenario.Steps.Take(visible).ToList();
        var activities = steps.Select((step, k) => Activity(step, firstSeen + options.StepInterval * k, options.LocalOffset)).ToList();
        if (scenario.ScrambleReports)
        {
            activities.Add(activities[^1].DeepClone().AsObject());
        }
        else
        {
            activities.Reverse();
        }

        var last = steps[^1];
        var package = new JsonObject
        {
            ["trackingNumber"] = number,
            ["packageCount"] = "1",
            ["isSmartPackage"] = "false",
            ["service"] = new JsonObject { ["code"] = "003", ["description"] = "UPS Ground" },
            ["weight"] = new JsonObject { ["weight"] = "2.50", ["unitOfMeasurement"] = "KGS" },
            ["currentStatus"] = Status(UpsStepCode.Of(last)),
            ["activity"] = new JsonArray([.. activities]),
        };
        var lastAt = (firstSeen + options.StepInterval * (steps.Count - 1)).ToOffset(options.LocalOffset);
        if (last.Status == TrackingStatus.Delivered)
        {
            package["deliveryDate"] = new JsonArray(new JsonObject { ["type"] = "DEL", ["date"] = Date(lastAt) });
            package["deliveryTime"] = new JsonObject { ["type"] = "DEL", ["endTime"] = Time(lastAt) };
            package["deliveryInformation"] = ProofOfDelivery(last, withSignature);
        }
        else if (!last.Status.IsTerminal() && last.Status != TrackingStatus.Returning)
        {
            package["deliveryDate"] = Promise(scenario, steps, firstSeen, options);
            package["deliveryTime"] = new JsonObject { ["type"] = "EDW", ["startTime"] = "090000", ["endTime"] = "120000" };
        }
        return Envelope(number, package);
    }

    /// <summary>UPS's answer for a number it does not know: HTTP 200, a warning, no package.</summary>
    public static JsonObject NotFound(string number) => new()
    {
        ["trackResponse"] = new JsonObject
        {
            ["shipment"] = new JsonArray(new JsonObject
            {
                ["inquiryNumber"] = number,
                ["warnings"] = new JsonArray(new JsonObject { ["code"] = "TW0001", ["message"] = "Tracking Information Not Found" }),
            }),
        },
    };

    public static JsonObject Error(string code, string message) => new()
    {
        ["response"] = new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
        },
    };

    private static JsonObject Envelope(string number, JsonObject package) => new()
    {
        ["trackResponse"] = new JsonObject
        {
            ["shipment"] = new JsonArray(new JsonObject
            {
                ["inquiryNumber"] = number,
                ["package"] = new JsonArray(package),
            }),
        },
    };

    private static JsonObject Activity(SandboxStep step, DateTimeOffset at, TimeSpan localOffset)
    {
        var local = at.ToOffset(localOffset);
        var utc = at.ToUniversalTime();
        return new JsonObject
        {
            ["date"] = Date(local),
            ["time"] = Time(local),
            ["gmtDate"] = Date(utc),
            // UPS drops the leading zero of GMT times ("74700" for 07:47:00).
            ["gmtTime"] = int.Parse(Time(utc), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            ["gmtOffset"] = (localOffset < TimeSpan.Zero ? "-" : "+") + localOffset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            ["logicalScan"] = "false",
            ["location"] = new JsonObject
            {
                ["slic"] = "6900",
                ["address"] = new JsonObject
                {
                    ["city"] = step.Location.City,
                    ["stateProvince"] = step.Location.Region,
                    ["postalCode"] = step.Location.PostalCode,
                    ["country"] = step.Location.CountryCode,
                    ["countryCode"] = step.Location.CountryCode,
                },
            },
            ["status"] = Status(UpsStepCode.Of(step)),
        };
    }

    private static JsonObject Status(UpsStepCode code) => new()
    {
        ["type"] = code.Type,
        ["code"] = code.Code,
        ["statusCode"] = code.StatusCode,
        ["description"] = code.Description,
        ["simplifiedTextDescription"] = code.Description,
    };

    /// <summary>Scheduled a day after the last step would happen; a delay reschedules it (RDD beside the original SDD).</summary>
    private static JsonArray Promise(SandboxScenario scenario, List<SandboxStep> visible, DateTimeOffset firstSeen, UpsSimulatorOptions options)
    {
        var scheduled = (firstSeen + options.StepInterval * scenario.Steps.Count + TimeSpan.FromDays(1)).ToOffset(options.LocalOffset);
        var dates = new JsonArray(new JsonObject { ["type"] = "SDD", ["date"] = Date(scheduled) });
        var slip = visible.Sum(s => s.EtaSlipDays);
        if (slip > 0)
        {
            dates.Add(new JsonObject { ["type"] = "RDD", ["date"] = Date(scheduled.AddDays(slip)) });
        }
        return dates;
    }

    private static JsonObject ProofOfDelivery(SandboxStep delivered, bool withSignature)
    {
        var atLocker = delivered.Detail == "delivered.locker";
        var pod = new JsonObject
        {
            ["receivedBy"] = atLocker ? "J. MARTIN" : "DUPONT",
            ["location"] = atLocker ? "UPS Access Point" : "Front Door",
            ["deliveryPhoto"] = new JsonObject { ["photoCaptureInd"] = atLocker ? "N" : "Y", ["isNonPostalCodeCountry"] = "false" },
        };
        // Like UPS, the signature image is only returned to callers who ask for it.
        if (withSignature && atLocker)
        {
            pod["signature"] = new JsonObject { ["image"] = Convert.ToBase64String("signature"u8.ToArray()) };
        }
        return pod;
    }

    private static string Date(DateTimeOffset at) => at.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToString("HHmmss", CultureInfo.InvariantCulture);
}
