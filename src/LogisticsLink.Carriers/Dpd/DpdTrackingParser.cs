using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// Reads a <c>getTrackingDataResponse</c> into a snapshot. Pure: body in, result out. DPD's lifecycle lists the
/// milestones of the parcel's journey, reached or not: only those with <c>statusHasBeenReached</c> true are scans.
/// The list is roughly oldest-first but not reliably (a late pickup scan can sit between deliveries), the same status
/// can appear twice at one instant for two depots, and dates have no zone (see <see cref="DpdTimestamps"/>), so
/// scans are placed by their instant, with DPD's <c>isCurrentStatus</c> and list order breaking ties. A trackingresult
/// with shipment data and no reached status is a parcel DPD expects; one with neither is a number DPD does not know.
/// </summary>
public static partial class DpdTrackingParser
{
    public const string Source = "dpd";

    /// <param name="UnknownCodes">Status codes DPD sent that the map does not know (they keep the previous status).</param>
    public sealed record Parsed(CarrierResult Result, IReadOnlyList<string> UnknownCodes);

    private const string ReturnNotice = "exception.return_to_sender";

    private sealed record Scan(DateTimeOffset At, bool Current, int Index, string Code, string Description, string Problem, TrackingLocation Location);

    public static CarrierResult Parse(string parcelNumber, string body) => Read(parcelNumber, body).Result;

    public static Parsed Read(string parcelNumber, string body)
    {
        try
        {
            var document = XDocument.Parse(body);
            return ReadDocument(parcelNumber, document, Hash(body));
        }
        catch (XmlException)
        {
            return new(CarrierResult.Failure("dpd: malformed response body (not XML)"), []);
        }
        catch (DpdUnexpectedResponseException e)
        {
            return new(CarrierResult.Failure($"dpd: unexpected response ({e.Message})"), []);
        }
    }

    /// <summary>The public DPD page for a parcel (the BE site unless the service host is DPD Netherlands).</summary>
    public static string TrackingUrl(string parcelNumber, string country = "be") =>
        $"https://www.dpdgroup.com/{country}/mydpd/my-parcels/track?lang=en&parcelNumber={Uri.EscapeDataString(parcelNumber)}";

    private static Parsed ReadDocument(string parcelNumber, XDocument document, string sha)
    {
        if (DpdSoap.ReadFault(document) is { } fault)
        {
            // Faults other than authentication (handled by the client) say the request is wrong: asking again will not help.
            return new(CarrierResult.Failure($"dpd: SOAP fault {fault}", transient: false), []);
        }
        var response = document.Descendant("getTrackingDataResponse") ?? throw new DpdUnexpectedResponseException("no getTrackingDataResponse");
        var result = response.Child("trackingresult") ?? throw new DpdUnexpectedResponseException("no trackingresult");
        var shipment = result.Child("shipmentInfo");
        var infos = result.Children("statusInfo").ToList();

        var unknown = new List<string>();
        var scans = new List<Scan>();
        for (var i = 0; i < infos.Count; i++)
        {
            var info = infos[i];
            var code = info.Text("status");
            // A milestone DPD has not reached yet (the planned "Delivered", say) is no scan. An entry without the flag
            // but with a date is read as reached; one with neither is a milestone.
            var reached = info.Flag("statusHasBeenReached") ?? info.Line("date").Length > 0;
            if (!reached)
            {
                continue;
            }
            var dateText = info.Line("date");
            var at = DpdTimestamps.Parse(dateText, DpdTimestamps.Zone)
                // A scan we cannot place in time could be the newest: reading on without it could report a stale status.
                ?? throw new DpdUnexpectedResponseException($"status {code} has no readable date ('{dateText}')");
            if (code.Length == 0)
            {
                throw new DpdUnexpectedResponseException("a reached statusInfo without status");
            }
            var description = FirstNonEmpty(info.Items("description"), info.Line("label"));
            scans.Add(new Scan(at, info.Flag("isCurrentStatus") == true, i, code, description, info.Items("errorItems"), Location(info.Line("location"))));
        }

        if (scans.Count == 0)
        {
            return new(CarrierResult.Success(shipment is null
                ? CarrierSnapshot.NotFound("DPD has no data for this parcel number.") with { PayloadSha256 = sha, TrackingUrl = TrackingUrl(parcelNumber) }
                : ShipmentDataOnly(parcelNumber, shipment, sha)), []);
        }

        var events = new List<TrackingEvent>(scans.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DpdCode? before = null;
        var returning = false;
        foreach (var scan in scans.OrderBy(s => s.At).ThenBy(s => s.Current).ThenBy(s => s.Index))
        {
            var mapped = Map(scan, before, returning);
            if (mapped is null)
            {
                unknown.Add(scan.Code);
                if (before is null)
                {
                    continue;
                }
                mapped = before;
            }
            before = mapped;
            returning |= mapped.Detail == ReturnNotice;
            var description = scan.Problem.Length > 0 ? $"{scan.Description}: {scan.Problem}".TrimStart(':', ' ') : scan.Description;
            var e = new TrackingEvent(scan.At, mapped.Status, mapped.Detail, description, scan.Code, scan.Location, Source, default);
            if (seen.Add(e.DedupKey))
            {
                events.Add(e);
            }
        }
        if (events.Count == 0)
        {
            throw new DpdUnexpectedResponseException($"no status code this adapter knows ({string.Join(", ", unknown.Distinct())})");
        }
        events.Reverse();
        var newest = events[0];
        return new(CarrierResult.Success(new CarrierSnapshot(
            Status: newest.Status,
            Events: events,
            StatusDetail: newest.StatusDetail,
            StatusDescription: newest.Description,
            TrackingUrl: TrackingUrl(parcelNumber),
            PayloadSha256: sha)), unknown);
    }

    /// <summary>
    /// One scan's meaning. Error items make it an exception (unless it is the delivery itself); a delivery after DPD
    /// said the parcel goes back to the sender is the delivery to the sender; a delivery after a parcel-shop scan is
    /// the recipient's collection.
    /// </summary>
    private static DpdCode? Map(Scan scan, DpdCode? before, bool returning)
    {
        var code = DpdStatusMap.Map(scan.Code);
        if (code is null)
        {
            return null;
        }
        if (code.Status == TrackingStatus.Delivered)
        {
            return returning ? new DpdCode(TrackingStatus.Returned, "returned.to_sender")
                : before?.Status == TrackingStatus.AvailableForPickup ? new DpdCode(TrackingStatus.Delivered, "delivered.collected_from_parcel_shop")
                : code;
        }
        if (scan.Problem.Length > 0)
        {
            return DpdIncidents.Exception(scan.Problem);
        }
        return DpdIncidents.Refine(code, scan.Description);
    }

    private static CarrierSnapshot ShipmentDataOnly(string parcelNumber, XElement shipment, string sha)
    {
        var service = shipment.Items("serviceDescription");
        var problem = shipment.Items("errorItems");
        var code = problem.Length > 0 ? DpdIncidents.Exception(problem) : DpdStatusMap.ShipmentData;
        var description = problem.Length > 0 ? problem
            : service.Length > 0 ? $"Shipment data received ({service})"
            : "Shipment data received";
        return new CarrierSnapshot(code.Status, [], StatusDetail: code.Detail, StatusDescription: description,
            TrackingUrl: TrackingUrl(parcelNumber), PayloadSha256: sha);
    }

    /// <summary>"Puurs (BE)" → Puurs, BE; anything else is kept whole as the city.</summary>
    internal static TrackingLocation Location(string text)
    {
        if (text.Length == 0)
        {
            return TrackingLocation.Unknown;
        }
        var match = CityAndCountry().Match(text);
        return match.Success
            ? new TrackingLocation(match.Groups["city"].Value.Trim(), CountryCode: match.Groups["cc"].Value.ToUpperInvariant())
            : new TrackingLocation(text);
    }

    [GeneratedRegex(@"^(?<city>.*?)\s*\((?<cc>[A-Za-z]{2})\)$")]
    private static partial Regex CityAndCountry();

    private static string FirstNonEmpty(params string[] texts) => texts.FirstOrDefault(t => t.Length > 0) ?? "";

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
