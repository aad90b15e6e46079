using LogisticsLink.Carriers;
using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Carriers.Dpd;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Carriers.Usps;
using LogisticsLink.Domain.Detection;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Api;

/// <summary>Validation and normalization of TrackingService requests. Nothing is written before these pass.</summary>
public static class TrackingRequests
{
    public const int MaxPageSize = 1000;
    public const int DefaultPageSize = 100;
    public const int MaxWatchedIds = 1000;

    public static string NormalizeNumber(string raw) => CarrierDetector.Normalize(raw);

    /// <summary>
    /// A shipment id as a request gives it: trimmed, as the support calls read shipment_id and every call reads order_id,
    /// so an id copied from a log or a spreadsheet with spaces or a line break around it is the id the server handed
    /// out. Ids are the server's own ("shp_" and hex), never typed by a buyer, so they are not folded as order ids are.
    /// </summary>
    public static string ShipmentId(string raw) => raw.Trim();

    /// <summary>
    /// The longest number accepted: as long as the longest DetectCarrier reads (DHL eCommerce ids run to 41), so every
    /// number it names a carrier for can be tracked.
    /// </summary>
    public const int MaxNumberLength = 45;

    /// <summary>The longest carrier id an Amazon Shipping number may start with (<c>AMZN_US:TBA…</c>).</summary>
    private const int MaxAmazonCarrierIdLength = 32;

    /// <summary>
    /// A request's tracking number, normalized, and its carrier (given, implied by an Amazon Shipping carrier id, or
    /// detected); the carrier is null, and a violation recorded on the field at fault, when either is unusable.
    /// </summary>
    public static (string Number, string? Carrier) Parcel(
        Violations violations, string numberField, string carrierField, string rawNumber, string rawCarrier)
    {
        var number = NormalizeNumber(rawNumber);
        var named = CarrierOf(rawCarrier, number);
        CheckNumber(violations, numberField, number, named);
        var carrier = ResolveCarrier(violations, carrierField, named, number, numberField);
        return (carrier is null ? number : StoredForm(number, carrier), carrier);
    }

    /// <summary>
    /// The number as DetectCarrier normalizes it and the known carrier it names ("" when none, or several): the form
    /// TrackShipment would store it in for that carrier (a DPD number with its check character as its 14 digits), else
    /// the number without spaces and dashes.
    /// </summary>
    public static (string Number, string Carrier) Detected(DetectionResult detection)
    {
        var carrier = detection.Unambiguous is { } only && CarrierCodes.Known.Contains(only.Carrier) ? only.Carrier : "";
        return (carrier.Length > 0 ? StoredForm(detection.Normalized, carrier) : detection.Normalized, carrier);
    }

    /// <summary>
    /// The form a normalized, checked number of <paramref name="carrier"/> is stored and looked up in, wherever it
    /// enters: an Amazon Shipping number of the default business without its carrier id (<c>AMZN_UK:TBA…</c> and
    /// <c>TBA…</c> are one parcel, <see cref="AmazonTrackingId.Canonical"/>); a scanned USPS barcode without its
    /// "420" + ZIP routing (<see cref="UspsRouting.WithoutRouting"/>); a DPD number given with its verifying check
    /// character or as its label's 28-character barcode as the 14-digit parcel number DPD tracks
    /// (<see cref="DpdParcelNumbers.Inside"/>); any other number as it is.
    /// </summary>
    public static string StoredForm(string number, string carrier) => carrier switch
    {
        AmazonDefaults.Code => AmazonTrackingId.Canonical(number),
        UspsDefaults.Code => UspsRouting.WithoutRouting(number),
        DpdDefaults.Code => DpdParcelNumbers.Inside(number) ?? number,
        _ => number,
    };

    /// <summary>
    /// Checks a normalized number. With <paramref name="carrier"/> <c>amazon</c> the number may name the Amazon Shipping
    /// carrier id before a colon (<c>AMZN_US:TBA…</c>; without one the connector assumes <c>AMZN_UK</c>).
    /// </summary>
    private static void CheckNumber(Violations violations, string field, string number, string carrier)
    {
        if (NumberProblem(number, carrier) is { } problem)
        {
            violations.Add(field, problem);
        }
    }

    /// <summary>What is wrong with a normalized number for <paramref name="carrier"/> (given or empty); null when nothing.</summary>
    public static string? NumberProblem(string number, string carrier = "")
    {
        if (number.Length == 0)
        {
            return "is required";
        }
        const string amazonForm = ", optionally after an Amazon Shipping carrier id and a colon (e.g. AMZN_US:TBA123456789012)";
        var amazon = string.Equals(carrier.Trim(), "amazon", StringComparison.OrdinalIgnoreCase);
        var colon = number.IndexOf(':');
        if (amazon && colon >= 0)
        {
            var carrierId = number[..colon];
            return carrierId.Length is > 0 and <= MaxAmazonCarrierIdLength && carrierId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
                && IsPlainNumber(number[(colon + 1)..])
                ? null
                : $"must be 4 to {MaxNumberLength} letters or digits{amazonForm}";
        }
        return IsPlainNumber(number)
            ? null
            : $"must be 4 to {MaxNumberLength} letters or digits (spaces and dashes are ignored){(amazon ? amazonForm : "")}";
    }

    private static bool IsPlainNumber(string number) =>
        number.Length is >= 4 and <= MaxNumberLength && number.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// The carrier a request names, or, when it names none, the one a number given with an Amazon Shipping carrier id
    /// implies: <c>AMZN_US:TBA…</c> is Amazon's, as detection says of the <c>TBA…</c> after the colon. Otherwise the
    /// request's own (empty) carrier, left to detection, which refuses a colon.
    /// </summary>
    private static string CarrierOf(string rawCarrier, string number)
    {
        var colon = number.IndexOf(':');
        return rawCarrier.Trim().Length == 0 && colon > 0 && CarrierDetector.Detect(number[(colon + 1)..]).Unambiguous?.Carrier == AmazonDefaults.Code
            ? AmazonDefaults.Code
            : rawCarrier;
    }

    /// <summary>
    /// The carrier to use (given, or detected from the number), or null with a violation recorded on
    /// <paramref name="field"/>, or on <paramref name="numberField"/> when the number does not fit the given carrier.
    /// </summary>
    private static string? ResolveCarrier(Violations violations, string field, string rawCarrier, string number, string numberField)
    {
        var carrier = rawCarrier.Trim().ToLowerInvariant();
        if (carrier.Length == 0)
        {
            return number.Length == 0 ? null : Detect(violations, field, number);
        }
        if (!CarrierCodes.Known.Contains(carrier))
        {
            violations.Add(field, $"'{rawCarrier}' is not a known carrier code (known: {string.Join(", ", CarrierCodes.Known.Order())})");
            return null;
        }
        if (carrier == CarrierCodes.Sandbox && number.Length > 0 && !SandboxNumber.IsSandbox(number))
        {
            violations.Add(numberField, "sandbox numbers are LLSB followed by 10 digits");
            return null;
        }
        return carrier;
    }

    private static string? Detect(Violations violations, string field, string number)
    {
        var detection = CarrierDetector.Detect(number);
        if (detection.Unambiguous is { } found)
        {
            if (CarrierCodes.Known.Contains(found.Carrier))
            {
                return found.Carrier;
            }
            violations.Add(field, $"the number looks like {found.Format}, a carrier LogisticsLink has no connector for");
            return null;
        }
        var plausible = detection.Candidates.Where(c => c.Confidence >= DetectionResult.PlausibleConfidence).ToList();
        violations.Add(field, plausible.Count > 1
            ? $"is required: the number is ambiguous between {string.Join(", ", plausible.Select(c => $"{c.Carrier} ({c.Format})"))}"
            : "is required: no known carrier format matches this number");
        return null;
    }

    /// <summary>The order a parcel belongs to, checked like UpsertOrder's key (an order it can find); none when not given.</summary>
    public static OrderLink Order(Violations violations, OrderReference? order)
    {
        if (order is null || (order.Channel.Length == 0 && order.OrderId.Length == 0))
        {
            return OrderLink.None;
        }
        var (channel, orderId) = OrderRequests.OrderKey(violations, order.Channel, order.OrderId, "order.");
        return new OrderLink(channel, orderId);
    }

    public static IReadOnlyDictionary<string, string> Labels(Violations violations, IDictionary<string, string> labels)
    {
        if (labels.Count > 32)
        {
            violations.Add("labels", "at most 32 labels");
        }
        foreach (var (key, value) in labels)
        {
            if (key.Length is 0 or > 64 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                violations.Add($"labels[{key}]", "keys are 1 to 64 characters: letters, digits, '_', '-', '.'");
            }
            if (value.Length > 256)
            {
                violations.Add($"labels[{key}]", "values are at most 256 characters");
            }
        }
        return new Dictionary<string, string>(labels, StringComparer.Ordinal);
    }

    public static HashSet<TrackingStatus> Statuses(Violations violations, string field, IEnumerable<ShipmentStatus> statuses)
    {
        var set = new HashSet<TrackingStatus>();
        foreach (var status in statuses)
        {
            var domain = (TrackingStatus)status;
            if (!domain.IsDefined())
            {
                violations.Add(field, $"'{status}' is not a valid status filter");
            }
            set.Add(domain);
        }
        return set;
    }

    public static int PageSize(Violations violations, int pageSize)
    {
        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add("page_size", $"must be between 0 and {MaxPageSize}");
        }
        return pageSize == 0 ? DefaultPageSize : pageSize;
    }
}
