using System.Globalization;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Sandbox.Amazon;

/// <summary>Renders a sandbox lifecycle as a Shipping v2 <c>getTracking</c> answer, in its documented shape (inside <c>payload</c>).</summary>
internal static class AmazonTrackingRenderer
{
    public static JsonObject Render(string trackingId, SandboxScenario scenario, int visible, DateTimeOffset firstSeen, TimeSpan step)
    {
        var events = new List<JsonObject>(visible + 1);
        var simulated = new List<AmazonSimulatedEvent>(visible);
        var slipDays = 0;
        for (var k = 0; k < visible; k++)
        {
            var e = AmazonSimulatedEvent.From(scenario.Steps[k]);
            simulated.Add(e);
            slipDays += scenario.Steps[k].EtaSlipDays;
            events.Add(Event(e, scenario.Steps[k].Location, firstSeen + step * k));
        }
        if (scenario.ScrambleReports)
        {
            // Newest first and the newest twice: Amazon's own order (oldest first) must not be relied upon.
            events.Reverse();
            events.Add((JsonObject)events[0].DeepClone());
        }
        var newest = simulated[^1];
        var forward = simulated.LastOrDefault(e => !e.Returns)?.DetailCodes ?? [];
        var returns = simulated.LastOrDefault(e => e.Returns)?.DetailCodes ?? [];
        var promised = firstSeen + step * scenario.Steps.Count + TimeSpan.FromDays(1 + slipDays);
        // GetTrackingResponse wraps its GetTrackingResult in "payload" (carriers.md l.313-317).
        return new JsonObject { ["payload"] = Result(trackingId, events, promised, newest, forward, returns) };
    }

    private static JsonObject Result(
        string trackingId, List<JsonObject> events, DateTimeOffset promised, AmazonSimulatedEvent newest,
        IReadOnlyList<string> forward, IReadOnlyList<string> returns) =>
        new()
        {
            ["trackingId"] = trackingId,
            ["alternateLegTrackingId"] = "null", // as Amazon's example writes an absent id
            ["eventHistory"] = new JsonArray([.. events]),
            ["promisedDeliveryDate"] = Iso(promised),
            ["summary"] = new JsonObject
            {
                ["status"] = newest.SummaryStatus,
                ["trackingDetailCodes"] = new JsonObject
                {
                    ["forward"] = new JsonArray([.. forward.Select(c => (JsonNode)c)]),
                    ["returns"] = new JsonArray([.. returns.Select(c => (JsonNode)c)]),
                },
            },
        };

    public static JsonObject Error(string code, string message, string? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (details is not null)
        {
            error["details"] = details;
        }
        return new JsonObject { ["errors"] = new JsonArray { error } };
    }

    private static JsonObject Event(AmazonSimulatedEvent e, TrackingLocation location, DateTimeOffset at) => new()
    {
        ["eventCode"] = e.Code,
        ["location"] = new JsonObject
        {
            ["city"] = location.City,
            ["stateOrRegion"] = location.Region,
            ["countryCode"] = location.CountryCode,
            ["postalCode"] = location.PostalCode,
        },
        ["eventTime"] = Iso(at),
        ["shipmentType"] = e.Returns ? "RETURNS" : "FORWARD",
    };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
