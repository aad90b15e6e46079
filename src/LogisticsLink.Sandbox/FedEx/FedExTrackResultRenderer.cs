using System.Globalization;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Sandbox.FedEx;

/// <summary>Renders a sandbox lifecycle as FedEx <c>trackResults[]</c> entries, in FedEx's documented shape.</summary>
internal sealed class FedExTrackResultRenderer(FedExSimulatorOptions options)
{
    /// <summary>One trackResult: the scenario's steps visible at <paramref name="now"/>, newest first (or scrambled).</summary>
    /// <param name="runsLate">FedEx's summary says "Running Late" while the parcel moves through the network.</param>
    public JsonObject Render(string number, SandboxScenario scenario, DateTimeOffset firstSeen, DateTimeOffset now, string uniqueId, bool runsLate = false)
    {
        // Step k is scanned k intervals after the simulator first saw the number, so the label shows at once.
        var visible = (int)Math.Clamp((now - firstSeen).Ticks / options.StepInterval.Ticks + 1, 1, scenario.Steps.Count);
        var scans = new List<JsonObject>(visible + 1);
        var returned = false;
        FedExSimulatedScan? newest = null;
        SandboxStep? newestStep = null;
        var slipDays = 0;
        for (var k = 0; k < visible; k++)
        {
            var step = scenario.Steps[k];
            var scan = FedExSimulatedScan.From(step, returned);
            returned |= scan.EventType == "RS";
            slipDays += step.EtaSlipDays;
            scans.Add(Scan(scan, step, firstSeen + options.StepInterval * k));
            (newest, newestStep) = (scan, step);
        }
        if (scenario.ScrambleReports)
        {
            scans.Add((JsonObject)scans[^1].DeepClone()); // oldest first, the newest scan twice
        }
        else
        {
            scans.Reverse();
        }

        var result = new JsonObject
        {
            ["trackingNumberInfo"] = new JsonObject { ["trackingNumber"] = number, ["carrierCode"] = "FDXE", ["trackingNumberUniqueId"] = uniqueId },
            ["latestStatusDetail"] = Latest(newest!, newestStep!, runsLate && newest!.MovingThroughNetwork),
            ["scanEvents"] = new JsonArray([.. scans]),
            ["serviceDetail"] = new JsonObject { ["type"] = "FEDEX_INTERNATIONAL_PRIORITY", ["description"] = "FedEx International Priority" },
        };
        var dates = new JsonArray { Date("SHIP", firstSeen) };
        if (newest!.EventType == "DL")
        {
            var at = firstSeen + options.StepInterval * (visible - 1);
            dates.Add(Date("ACTUAL_DELIVERY", at));
            result["deliveryDetails"] = DeliveryDetails(newestStep!);
            if (newestStep!.RawCode == "LC")
            {
                result["availableImages"] = new JsonArray { new JsonObject { ["type"] = "SIGNATURE_PROOF_OF_DELIVERY", ["size"] = "SMALL" } };
            }
        }
        else if (newest.EventType is not ("CA" or "SE" or "RS"))
        {
            var eta = firstSeen + options.StepInterval * scenario.Steps.Count + TimeSpan.FromDays(1 + slipDays);
            result["estimatedDeliveryTimeWindow"] = new JsonObject
            {
                ["type"] = "ESTIMATED_DELIVERY",
                ["window"] = new JsonObject { ["begins"] = Local(eta - TimeSpan.FromHours(4)), ["ends"] = Local(eta) },
            };
            dates.Add(Date("ESTIMATED_DELIVERY", eta));
        }
        result["dateAndTimes"] = dates;
        return result;
    }

    /// <summary>A per-number error entry, as FedEx answers an unknown number (at HTTP 200).</summary>
    public static JsonObject NotFound(string number) => new()
    {
        ["trackingNumberInfo"] = new JsonObject { ["trackingNumber"] = number, ["trackingNumberUniqueId"] = "", ["carrierCode"] = "" },
        ["error"] = new JsonObject
        {
            ["code"] = "TRACKING.TRACKINGNUMBER.NOTFOUND",
            ["message"] = "Tracking number cannot be found. Please correct the tracking number and try again.",
        },
    };

    private JsonObject Scan(FedExSimulatedScan scan, SandboxStep step, DateTimeOffset at) => new()
    {
        // Label scans go out without an offset, as some real FedEx scans do.
        ["date"] = scan.EventType == "OC" ? WallTime(at) : Local(at),
        ["eventType"] = scan.EventType,
        ["eventDescription"] = scan.Description,
        ["exceptionCode"] = scan.ExceptionCode,
        ["exceptionDescription"] = scan.ExceptionDescription,
        ["derivedStatusCode"] = scan.DerivedCode,
        ["derivedStatus"] = scan.DerivedCode == "IT" ? "In transit" : scan.Description,
        ["scanLocation"] = Location(step.Location),
        ["locationType"] = "FEDEX_FACILITY",
    };

    private static JsonObject Latest(FedExSimulatedScan scan, SandboxStep step, bool runningLate)
    {
        // The quirk: for out-for-delivery and ready-for-pickup the summary's derived code and text are as coarse as the
        // scans' derived code; its code is the real event type.
        var text = runningLate ? "Running Late" : scan.HiddenByDerivedCode ? "In transit" : scan.Description;
        var latest = new JsonObject
        {
            ["code"] = scan.EventType,
            ["derivedCode"] = runningLate ? "RL" : scan.DerivedCode,
            ["statusByLocale"] = text,
            ["description"] = text,
            ["scanLocation"] = Location(step.Location),
        };
        if (runningLate)
        {
            // carriers.md l.143 and l.164: FedEx's delay lives in the summary only, never in a scan. The reference gives
            // no values for delayDetail's type and subType, so only its documented status is sent.
            latest["delayDetail"] = new JsonObject { ["status"] = "DELAYED" };
        }
        return latest;
    }

    private static JsonObject DeliveryDetails(SandboxStep step) => new()
    {
        ["receivedByName"] = "J.MARTIN",
        ["locationDescription"] = step.RawCode == "LC" ? "FedEx locker" : "Front door",
        ["deliveryAttempts"] = "0",
        ["deliveryToday"] = "false", // FedEx sends several booleans as strings
        ["actualDeliveryAddress"] = new JsonObject
        {
            ["city"] = step.Location.City, ["postalCode"] = step.Location.PostalCode, ["countryCode"] = step.Location.CountryCode,
            ["residential"] = "true",
        },
        ["deliveryOptionEligibilityDetails"] = new JsonArray
        {
            new JsonObject { ["option"] = "INDIRECT_SIGNATURE_RELEASE", ["eligibility"] = "INELIGIBLE" },
        },
    };

    private static JsonObject Location(TrackingLocation l) => new()
    {
        ["city"] = l.City, ["stateOrProvinceCode"] = l.Region, ["postalCode"] = l.PostalCode, ["countryCode"] = l.CountryCode,
        ["residential"] = false,
    };

    private JsonObject Date(string type, DateTimeOffset at) => new() { ["type"] = type, ["dateTime"] = Local(at) };

    private string Local(DateTimeOffset at) => at.ToOffset(options.LocalOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private string WallTime(DateTimeOffset at) => at.ToOffset(options.LocalOffset).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
