using System.Globalization;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Sandbox.Usps;

/// <summary>
/// Writes the visible part of a sandbox lifecycle as a Tracking API v3 <c>expand=DETAIL</c> answer: events newest
/// first, each with the local <c>eventTimestamp</c> (no offset), <c>GMTTimestamp</c> in UTC with seconds and
/// <c>GMTOffset</c> "+01:00"; booleans as strings; a lone event as an object rather than a list (as in USPS's own
/// example). Scenarios that scramble their reports list events oldest first with a repeat, without GMTTimestamp, with
/// the misleading <c>Z</c> on the local time and the offset in minutes — every time quirk USPS has shown at once.
/// </summary>
internal static class UspsTrackingRenderer
{
    public static JsonObject Render(string number, SandboxScenario scenario, int visible, DateTimeOffset firstSeen, UspsSimulatorOptions options)
    {
        var shown = scenario.Steps.Take(visible)
            .Select((step, k) => (Step: step, Code: UspsStepCode.Of(step), At: firstSeen + options.StepInterval * k))
            .Where(s => s.Code is not null)
            .ToList();
        var events = shown.Select(s => Event(s.Step, s.Code!, s.At, options.LocalOffset, scenario.ScrambleReports)).ToList();
        if (scenario.ScrambleReports)
        {
            events.Add(events[^1].DeepClone().AsObject());
        }
        else
        {
            events.Reverse();
        }

        var (last, lastCode, lastAt) = shown[^1];
        var root = new JsonObject
        {
            ["trackingNumber"] = number,
            ["mailClass"] = "Priority Mail<SUP>&reg;</SUP>",
            ["mailType"] = "DM",
            ["serviceTypeCode"] = "001",
            ["services"] = new JsonArray("USPS Tracking<SUP>&#174;</SUP>"),
            ["emailEnabled"] = "true",
            ["kahalaIndicator"] = "false",
            ["proofOfDeliveryEnabled"] = last.Status == TrackingStatus.Delivered ? "true" : "false",
            ["originCity"] = shown[0].Step.Location.City.ToUpperInvariant(),
            ["originZIP"] = shown[0].Step.Location.PostalCode,
            ["destinationCity"] = "LILLE",
            ["destinationZIP"] = "59000",
            ["destinationCountryCode"] = "FR",
            ["status"] = lastCode!.EventType,
            ["statusCategory"] = lastCode.Category,
            ["statusSummary"] = $"{lastCode.EventType} at {Clock(lastAt.ToOffset(options.LocalOffset))} in {last.Location.City.ToUpperInvariant()} {last.Location.PostalCode}.",
            ["uniqueMailPieceId"] = firstSeen.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["mailPieceIntakeDate"] = firstSeen.ToOffset(options.LocalOffset).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            ["tableCode"] = "T",
            ["trackingEvents"] = events.Count == 1 ? events[0] : new JsonArray([.. events]),
        };
        if (!last.Status.IsTerminal() && last.Status != TrackingStatus.Returning)
        {
            var slip = scenario.Steps.Take(visible).Sum(s => s.EtaSlipDays);
            var day = (firstSeen + options.StepInterval * scenario.Steps.Count + TimeSpan.FromDays(1 + slip)).ToOffset(options.LocalOffset);
            root["predictedDeliveryDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            root["predictedDeliveryWindowStartTime"] = "09:00";
            root["predictedDeliveryWindowEndTime"] = "12:00";
            root["expectedDeliveryTimeStamp"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00";
            root["expectedDeliveryType"] = "Expected Delivery By";
        }
        return root;
    }

    /// <summary>USPS's answer for a number it has nothing on (HTTP 404).</summary>
    public static JsonObject NotAvailable() => Error("404", "Tracking is not available for this item at this time. Please try again later.");

    /// <summary>The 400 answer with a Tracking message code (150001–150013).</summary>
    public static JsonObject MessageCode(string code, string detail) => new()
    {
        ["apiVersion"] = "/tracking/v3",
        ["error"] = new JsonObject
        {
            ["code"] = "400",
            ["message"] = detail,
            ["errors"] = new JsonArray(new JsonObject { ["status"] = "400", ["code"] = code, ["title"] = "Tracking error", ["detail"] = detail }),
        },
    };

    public static JsonObject Error(string code, string message) => new()
    {
        ["apiVersion"] = "/tracking/v3",
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["errors"] = new JsonArray() },
    };

    private static JsonObject Event(SandboxStep step, UspsStepCode code, DateTimeOffset at, TimeSpan localOffset, bool scrambled)
    {
        var local = at.ToOffset(localOffset);
        var e = new JsonObject
        {
            ["eventType"] = code.EventType,
            ["eventTimestamp"] = local.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + (scrambled ? "Z" : ""),
        };
        if (!scrambled)
        {
            e["GMTTimestamp"] = at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "Z";
        }
        e["GMTOffset"] = scrambled
            ? ((int)localOffset.TotalMinutes).ToString(CultureInfo.InvariantCulture)
            : (localOffset < TimeSpan.Zero ? "-" : "+") + localOffset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        e["eventCountry"] = step.Location.CountryCode;
        e["eventCity"] = step.Location.City.ToUpperInvariant();
        e["eventState"] = step.Location.Region;
        e["eventZIP"] = step.Location.PostalCode;
        e["firm"] = null;
        e["name"] = code.EventCode == "01" ? (step.Detail == "delivered.locker" ? "J MARTIN" : "DUPONT") : null;
        e["authorizedAgent"] = "false";
        e["eventCode"] = code.EventCode;
        e["additionalProp"] = null;
        return e;
    }

    private static string Clock(DateTimeOffset at) => at.ToString("h:mm tt 'on' MMMM d, yyyy", CultureInfo.InvariantCulture).ToLowerInvariant();
}
