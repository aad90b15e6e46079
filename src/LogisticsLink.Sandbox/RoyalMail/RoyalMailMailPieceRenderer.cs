using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;

namespace LogisticsLink.Sandbox.RoyalMail;

/// <summary>Renders a sandbox lifecycle as Royal Mail <c>mailPieces</c> objects, in the documented shape.</summary>
internal sealed class RoyalMailMailPieceRenderer(RoyalMailSimulatorOptions options)
{
    public const string SignedBy = "J. MARTIN";

    /// <summary>What the item looks like at <paramref name="now"/>: its visible events, newest first.</summary>
    public sealed record Item(string MailPieceId, string Barcode, IReadOnlyList<(RoyalMailSimulatedEvent Event, SandboxStep Step, DateTimeOffset At)> Events, DateTimeOffset? Eta)
    {
        public (RoyalMailSimulatedEvent Event, SandboxStep Step, DateTimeOffset At) Newest => Events[^1];
        public bool Signed => Newest.Event.Code == "EVPLC";
    }

    public Item Play(string number, SandboxScenario scenario, DateTimeOffset firstSeen, DateTimeOffset now)
    {
        // Step k happens k intervals after the simulator first saw the number, so the first event shows at once.
        var visible = (int)Math.Clamp((now - firstSeen).Ticks / options.StepInterval.Ticks + 1, 1, scenario.Steps.Count);
        var events = new List<(RoyalMailSimulatedEvent, SandboxStep, DateTimeOffset)>();
        var slipDays = 0;
        for (var k = 0; k < visible; k++)
        {
            var step = scenario.Steps[k];
            slipDays += step.EtaSlipDays;
            if (RoyalMailSimulatedEvent.From(step) is { } simulated)
            {
                events.Add((simulated, step, firstSeen + options.StepInterval * k));
            }
        }
        var newest = events[^1].Item1;
        DateTimeOffset? eta = newest.IsFinal || newest.Code is "EVKAI" or "EVNRT"
            ? null
            : firstSeen + options.StepInterval * scenario.Steps.Count + TimeSpan.FromDays(1 + slipDays);
        return new Item(MailPieceId(number), number.Length == 13 ? number : "", events, eta);
    }

    /// <summary>The <c>/events</c> answer: summary, signature metadata, estimated window, events, links.</summary>
    public JsonObject Events(Item item, bool scrambled)
    {
        var events = item.Events.Select(e => new JsonObject
        {
            ["eventCode"] = e.Event.Code,
            ["eventName"] = e.Event.Name,
            ["eventDateTime"] = Local(e.At),
            ["locationName"] = e.Step.Location.City + (e.Event.Code is "EVAIP" ? "" : " DO"),
        }).ToList();
        if (scrambled)
        {
            events.Add((JsonObject)events[^1].DeepClone()); // oldest first, the newest event twice
        }
        else
        {
            events.Reverse(); // Royal Mail's order: newest first
        }
        var piece = new JsonObject
        {
            ["mailPieceId"] = item.MailPieceId,
            ["carrierShortName"] = "RM",
            ["carrierFullName"] = "Royal Mail Group Ltd",
            ["summary"] = Summary(item),
        };
        if (item.Signed)
        {
            piece["signature"] = new JsonObject { ["recipientName"] = SignedBy, ["signatureDateTime"] = Local(item.Newest.At), ["imageId"] = "001234" };
        }
        if (item.Eta is { } eta)
        {
            var local = eta.ToOffset(options.LocalOffset);
            // The window is times of one day: it starts three hours before the estimate, but not before midnight.
            var start = local - TimeSpan.FromHours(3) < local.Date ? new DateTimeOffset(local.Date, local.Offset) : local - TimeSpan.FromHours(3);
            piece["estimatedDelivery"] = new JsonObject
            {
                ["date"] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["startOfEstimatedWindow"] = TimeOfDay(start),
                ["endOfEstimatedWindow"] = TimeOfDay(local),
            };
        }
        piece["events"] = new JsonArray([.. events]);
        var links = new JsonObject { ["summary"] = Link($"/mailpieces/v2/summary?mailPieceId={item.MailPieceId}", "Summary", "Get summary") };
        if (item.Signed)
        {
            links["signature"] = Link($"/mailpieces/v2/{item.MailPieceId}/signature", "Signature", "Get signature");
        }
        links["redelivery"] = Link("/personal/receiving-mail/redelivery", "Redelivery", "Book a redelivery");
        piece["links"] = links;
        return new JsonObject { ["mailPieces"] = piece };
    }

    /// <summary>One entry of the <c>/summary</c> answer's <c>mailPieces</c> array.</summary>
    public JsonObject SummaryEntry(string number, Item? item) => item is null
        ? new JsonObject
        {
            ["mailPieceId"] = number,
            ["carrierShortName"] = "RM",
            ["carrierFullName"] = "Royal Mail Group Ltd",
            ["error"] = NotRecognised(number),
        }
        : new JsonObject
        {
            ["mailPieceId"] = item.MailPieceId,
            ["carrierShortName"] = "RM",
            ["carrierFullName"] = "Royal Mail Group Ltd",
            ["summary"] = Summary(item),
            ["links"] = new JsonObject { ["events"] = Link($"/mailpieces/v2/{number}/events", "Events", "Get events") },
        };

    /// <summary>The <c>/signature</c> answer for a signed item.</summary>
    public JsonObject Signature(Item item) => new()
    {
        ["mailPieces"] = new JsonObject
        {
            ["mailPieceId"] = item.MailPieceId,
            ["carrierShortName"] = "RM",
            ["carrierFullName"] = "Royal Mail Group Ltd",
            ["signature"] = new JsonObject
            {
                ["uniqueItemId"] = item.MailPieceId,
                ["oneDBarcode"] = item.Barcode,
                ["recipientName"] = SignedBy,
                ["signatureDateTime"] = Local(item.Newest.At),
                ["imageFormat"] = "image/svg+xml",
                ["imageId"] = "001234",
                ["height"] = 530,
                ["width"] = 660,
                ["image"] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"660\" height=\"530\"></svg>",
            },
            ["links"] = new JsonObject { ["events"] = Link($"/mailpieces/v2/{item.MailPieceId}/events", "Events", "Get events") },
        },
    };

    public static JsonObject NotRecognised(string number) => new()
    {
        ["errorCode"] = "E1142",
        ["errorDescription"] = $"Barcode reference {number} isn't recognised",
        ["errorCause"] = "A mail item with that barcode cannot be located",
        ["errorResolution"] = "Check barcode and resubmit",
    };

    private JsonObject Summary(Item item)
    {
        var (newest, step, at) = item.Newest;
        return new JsonObject
        {
            ["uniqueItemId"] = item.MailPieceId,
            ["oneDBarcode"] = item.Barcode,
            ["productId"] = "SD2",
            ["productName"] = "Special Delivery Guaranteed",
            ["productDescription"] = "Our guaranteed next working day service with tracking and a signature on delivery",
            ["productCategory"] = "NON-INTERNATIONAL",
            ["destinationCountryCode"] = "GBR",
            ["destinationCountryName"] = "United Kingdom of Great Britain and Northern Ireland",
            ["originCountryCode"] = "GBR",
            ["originCountryName"] = "United Kingdom of Great Britain and Northern Ireland",
            ["lastEventCode"] = newest.Code,
            ["lastEventName"] = newest.Name,
            ["lastEventDateTime"] = Local(at),
            ["lastEventLocationName"] = step.Location.City,
            ["statusDescription"] = newest.Name,
            ["statusCategory"] = newest.StatusCategory,
            ["statusHelpText"] = "The item is " + newest.StatusCategory.ToLowerInvariant(),
            ["summaryLine"] = $"Item {(item.Barcode.Length > 0 ? item.Barcode : item.MailPieceId)}: {newest.Name} on {at.ToOffset(options.LocalOffset):yyyy-MM-dd}.",
            ["internationalPostalProvider"] = new JsonObject
            {
                ["url"] = "https://www.royalmail.com/track-your-item", ["title"] = "Royal Mail Group Ltd", ["description"] = "Royal Mail Group Ltd",
            },
        };
    }

    /// <summary>A stable 21-character 2D id per number, as Royal Mail gives every item one besides its barcode.</summary>
    private static string MailPieceId(string number) => number.Length == 21
        ? number
        : "0903675" + Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(number)))[..14];

    private static JsonObject Link(string href, string title, string description) =>
        new() { ["href"] = href, ["title"] = title, ["description"] = description };

    private string Local(DateTimeOffset at) => at.ToOffset(options.LocalOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string TimeOfDay(DateTimeOffset local) => local.ToString("HH:mm:sszzz", CultureInfo.InvariantCulture);
}
