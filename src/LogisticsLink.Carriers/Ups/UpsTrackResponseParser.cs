using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// Reads a Track API v1 <c>details</c> answer into a snapshot. Pure: body in, result out, so every quirk is testable
/// without HTTP. A body it cannot read safely becomes a failed result, never an exception and never a guessed status.
/// </summary>
public static class UpsTrackResponseParser
{
    /// <summary>UPS's "Tracking Information Not Found" warning, sent with HTTP 200 (the spec says 404; UPS does not).</summary>
    public const string NotFoundCode = "TW0001";

    public static CarrierResult Parse(string trackingNumber, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Read(trackingNumber, document.RootElement, Hash(body));
        }
        catch (JsonException)
        {
            return CarrierResult.Failure($"ups: malformed response body (not JSON)");
        }
        catch (UpsUnexpectedResponseException e)
        {
            return CarrierResult.Failure($"ups: unexpected response ({e.Message})");
        }
    }

    /// <summary>True when an error body (any status) carries the not-found code, as some UPS environments send with 404.</summary>
    public static bool IsNotFound(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return ErrorCodes(document.RootElement).Any(e => e.Code == NotFoundCode);
        }
        catch (Exception e) when (e is JsonException or UpsUnexpectedResponseException)
        {
            return false;
        }
    }

    /// <summary>The first <c>response.errors[]</c> entry of an error body, for a failure's reason ("" when there is none).</summary>
    public static string ErrorSummary(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return ErrorCodes(document.RootElement).Select(e => $"{e.Code} {e.Message}".Trim()).FirstOrDefault() ?? "";
        }
        catch (Exception e) when (e is JsonException or UpsUnexpectedResponseException)
        {
            return "";
        }
    }

    private static CarrierResult Read(string trackingNumber, JsonElement root, string sha)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UpsUnexpectedResponseException($"the body is a {root.ValueKind}");
        }
        var errors = ErrorCodes(root).ToList();
        if (errors.Any(e => e.Code == NotFoundCode))
        {
            return CarrierResult.Success(NotFound(errors.First(e => e.Code == NotFoundCode).Message, sha));
        }
        if (errors.Count > 0)
        {
            // An error in a 200 body (TV1002 "Invalid inquiry number"…) will not change by asking again.
            return CarrierResult.Failure($"ups: {errors[0].Code} {errors[0].Message}".TrimEnd(), transient: false);
        }

        var shipments = (root.Child("trackResponse") ?? throw new UpsUnexpectedResponseException("no trackResponse")).Items("shipment").ToList();
        if (shipments.Count == 0)
        {
            throw new UpsUnexpectedResponseException("no shipment");
        }
        var packages = shipments.SelectMany(s => s.Items("package")).ToList();
        if (packages.Count == 0)
        {
            var warnings = shipments.SelectMany(s => s.Items("warnings")).Select(w => (Code: w.Text("code"), Message: w.Text("message"))).ToList();
            return warnings.FirstOrDefault(w => w.Code == NotFoundCode) is { Code: NotFoundCode } notFound
                ? CarrierResult.Success(NotFound(notFound.Message, sha))
                : throw new UpsUnexpectedResponseException(
                    $"no package and no {NotFoundCode} warning (warnings: {string.Join(", ", warnings.Select(w => w.Code))})");
        }
        return CarrierResult.Success(Snapshot(trackingNumber, Choose(trackingNumber, packages), sha));
    }

    /// <summary>
    /// The packages that are this number. UPS may list the same package twice (merged; scans de-duplicated). A lone
    /// package is ours whatever number it shows (an alternate number was asked); among several, only exact matches
    /// are — picking one at random could report another parcel's status.
    /// </summary>
    private static List<JsonElement> Choose(string trackingNumber, List<JsonElement> packages)
    {
        var wanted = Normalize(trackingNumber);
        var matching = packages.Where(p => Normalize(p.Text("trackingNumber")) == wanted).ToList();
        if (matching.Count > 0 || packages.Count == 1)
        {
            return matching.Count > 0 ? matching : packages;
        }
        throw new UpsUnexpectedResponseException($"{packages.Count} packages, none numbered {trackingNumber}");
    }

    private static CarrierSnapshot Snapshot(string trackingNumber, List<JsonElement> packages, string sha)
    {
        var events = UpsActivityReader.Events(packages.SelectMany(p => p.Items("activity")));
        var lead = packages[0];
        var current = lead.Child("currentStatus");
        var mappedCurrent = current is { } c
            ? UpsStatusMap.Map(c.Text("type"), c.Text("statusCode"), c.Text("code"), c.Text("description"))
            : null;

        if (events.Count == 0 && mappedCurrent is null)
        {
            var codes = UpsActivityReader.RawCodes(packages.SelectMany(p => p.Items("activity")).Concat(current is { } cs ? [cs] : []));
            if (codes.Any(code => !UpsStatusMap.IsNoInformation(code)))
            {
                throw new UpsUnexpectedResponseException($"no status code this adapter knows ({string.Join(", ", codes.Select(x => x.Raw))})");
            }
            // UPS lists the package but says outright it has no status: "no data", not "unknown number" (TW0001).
            return CarrierSnapshot.NoInformationYet("UPS has no information for this package yet.")
                with { TrackingUrl = TrackingUrl(trackingNumber), PayloadSha256 = sha };
        }

        var description = current is { } d ? FirstNonEmpty(d.Text("description"), d.Text("simplifiedTextDescription"), lead.Text("statusDescription")) : lead.Text("statusDescription");
        var pod = packages.Select(UpsProofOfDelivery.Read).FirstOrDefault(p => p is not null);
        var delivered = (mappedCurrent?.Status ?? events[0].Status) == TrackingStatus.Delivered;
        if (delivered && pod is not null)
        {
            description = pod.Describe(description.Length > 0 ? description : "Delivered");
        }
        var eta = packages.Select(UpsEstimatedDelivery.Read).FirstOrDefault(e => e is not null);
        var localOffset = events.Count > 0 ? events[0].OccurredAt.Offset : (TimeSpan?)null;
        return new CarrierSnapshot(
            Status: mappedCurrent?.Status,
            Events: events,
            EstimatedDelivery: eta?.ToInstant(localOffset),
            StatusDetail: mappedCurrent?.Detail ?? "",
            StatusDescription: description,
            TrackingUrl: TrackingUrl(trackingNumber),
            PayloadSha256: sha,
            DeliveryWindow: eta?.ToWindow(localOffset),
            ProofOfDelivery: delivered ? pod?.ToDomain() : null);
    }

    /// <summary>The public UPS page a buyer can open.</summary>
    public static string TrackingUrl(string trackingNumber) => "https://www.ups.com/track?tracknum=" + Uri.EscapeDataString(trackingNumber);

    private static CarrierSnapshot NotFound(string message, string sha) =>
        CarrierSnapshot.NotFound(message.Length > 0 ? $"UPS: {message}" : "UPS does not know this number yet.") with { PayloadSha256 = sha };

    private static IEnumerable<(string Code, string Message)> ErrorCodes(JsonElement root) =>
        root.Child("response") is { } response
            ? response.Items("errors").Select(e => (e.Text("code"), e.Text("message")))
            : [];

    private static string Normalize(string number) => number.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string FirstNonEmpty(params string[] texts) => texts.FirstOrDefault(t => t.Length > 0) ?? "";

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
