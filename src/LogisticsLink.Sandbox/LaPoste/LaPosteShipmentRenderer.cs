using System.Globalization;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;

namespace LogisticsLink.Sandbox.LaPoste;

/// <summary>Renders a sandbox lifecycle as a La Poste Suivi v2 envelope (<c>returnCode</c> + <c>shipment</c>).</summary>
internal sealed class LaPosteShipmentRenderer(LaPosteSimulatorOptions options)
{
    private static readonly string[] TimelineLabels =
    [
        "Your parcel is in our hands.", "It is on its way.", "It has arrived at its delivery site.",
        "We are preparing it for delivery.", "Your parcel has been delivered.",
    ];

    public JsonObject Render(string idShip, string lang, SandboxScenario scenario, DateTimeOffset firstSeen, DateTimeOffset now)
    {
        // Step k happens k intervals after the simulator first saw the id, so the label shows at once.
        var visible = (int)Math.Clamp((now - firstSeen).Ticks / options.StepInterval.Ticks + 1, 1, scenario.Steps.Count);
        var events = new List<JsonObject>();
        LaPosteSimulatedEvent? newest = null;
        SandboxStep? newestStep = null;
        DateTimeOffset? entry = null, newestAt = null;
        var slipDays = 0;
        for (var k = 0; k < visible; k++)
        {
            var step = scenario.Steps[k];
            slipDays += step.EtaSlipDays;
            if (LaPosteSimulatedEvent.From(step) is not { } simulated)
            {
                continue;
            }
            var at = firstSeen + options.StepInterval * k;
            entry ??= simulated.Code == "PC1" ? at : null;
            events.Add(new JsonObject { ["code"] = simulated.Code, ["label"] = simulated.Label, ["date"] = Local(at) });
            (newest, newestStep, newestAt) = (simulated, step, at);
        }
        if (scenario.ScrambleReports)
        {
            events.Add((JsonObject)events[^1].DeepClone()); // oldest first, the newest event twice
        }
        else
        {
            events.Reverse(); // La Poste's documented order: anti-chronological
        }

        var final = newest!.TimelineStep == 5;
        var shipment = new JsonObject
        {
            ["idShip"] = idShip,
            ["holder"] = 4,
            ["product"] = "colissimo",
            ["isFinal"] = final,
        };
        if (entry is { } entered)
        {
            shipment["entryDate"] = Local(entered);
        }
        if (final)
        {
            shipment["deliveryDate"] = Local(newestAt!.Value);
        }
        else if (newest.Code is not ("RE1" or "PB1"))
        {
            var eta = firstSeen + options.StepInterval * scenario.Steps.Count + TimeSpan.FromDays(1 + slipDays);
            shipment["estimDate"] = Local(eta);
            shipment["estimHourMin"] = Local(eta - TimeSpan.FromHours(2));
            shipment["estimHourMax"] = Local(eta);
        }
        shipment["timeline"] = Timeline(newest, newestAt!.Value);
        shipment["event"] = new JsonArray([.. events]);
        shipment["contextData"] = Context(scenario, newestStep!);
        shipment["url"] = "https://www.laposte.fr/outils/suivre-vos-envois?code=" + idShip;
        return new JsonObject { ["lang"] = lang, ["scope"] = "open", ["returnCode"] = 200, ["shipment"] = shipment };
    }

    public static JsonObject NotFound(string idShip, string lang) => new()
    {
        ["returnCode"] = 104,
        ["returnMessage"] = "Your tracking is not available yet. If you have dropped off your item, tracking information may be displayed with a delay; please try again later.",
        ["lang"] = lang,
        ["scope"] = "open",
        ["idShip"] = idShip,
    };

    public static JsonObject Invalid(string idShip, string lang) => new()
    {
        ["returnCode"] = 400,
        ["returnMessage"] = "The number you entered is not valid. Please check it, in particular the number of characters.",
        ["lang"] = lang,
        ["scope"] = "open",
        ["idShip"] = idShip,
    };

    private JsonArray Timeline(LaPosteSimulatedEvent newest, DateTimeOffset newestAt)
    {
        var steps = new JsonArray();
        for (var id = 1; id <= 5; id++)
        {
            var step = new JsonObject
            {
                ["shortLabel"] = TimelineLabels[id - 1],
                ["longLabel"] = "",
                ["id"] = id,
                ["country"] = id <= newest.TimelineStep ? "FR" : "",
                ["status"] = id <= newest.TimelineStep,
                ["type"] = id == newest.TimelineStep && newest.IsProblem ? -1 : 1,
            };
            if (id == newest.TimelineStep)
            {
                step["date"] = Local(newestAt);
            }
            steps.Add(step);
        }
        return steps;
    }

    private static JsonObject Context(SandboxScenario scenario, SandboxStep newest)
    {
        var context = new JsonObject
        {
            ["deliveryChoice"] = new JsonObject { ["deliveryChoice"] = 0 },
            ["originCountry"] = "FR",
            ["arrivalCountry"] = "FR",
        };
        if (scenario.Steps.Any(s => s.RawCode == "LK") && newest.RawCode is "LK" or "LC")
        {
            context["removalPoint"] = new JsonObject { ["name"] = "Consigne Pickup Lille Flandres", ["type"] = "A2P" };
        }
        return context;
    }

    private string Local(DateTimeOffset at) => at.ToOffset(options.LocalOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
