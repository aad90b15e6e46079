using System.Globalization;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// The FBA Amazon Fulfilled Shipments report (<c>GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL</c>): tab-separated, a
/// header row naming the columns (<c>amazon-order-id</c>, <c>shipment-date</c>, <c>carrier</c>, <c>tracking-number</c>,
/// <c>estimated-arrival-date</c>, <c>fulfillment-center-id</c> …), one row per shipped item — so one parcel with two
/// items appears twice and is kept once. Columns are found by name, never by position (JP adds <c>points-granted</c>).
/// A row being in the report means Amazon shipped it: the parcel's Amazon status is IN_TRANSIT until the carrier says more.
/// </summary>
public static class AmazonFbaShipmentsReport
{
    public const string ReportType = "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL";

    private static readonly string[] RequiredColumns = ["amazon-order-id", "carrier", "tracking-number"];

    /// <summary>The parcels of each order id in the report. Throws <see cref="FormatException"/> when the header lacks a needed column.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ImportedPackage>> Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        var result = new Dictionary<string, IReadOnlyList<ImportedPackage>>(StringComparer.Ordinal);
        if (lines.Count == 0)
        {
            return result;
        }
        var columns = lines[0].TrimStart('\uFEFF').Split('\t').Select((name, index) => (Name: name.Trim().ToLowerInvariant(), index))
            .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        if (RequiredColumns.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
        {
            throw new FormatException($"the shipments report has no '{missing}' column");
        }

        var seen = new HashSet<(string, string)>();
        var packages = new Dictionary<string, List<ImportedPackage>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            string Cell(string name) => columns.TryGetValue(name, out var i) && i < cells.Length ? cells[i].Trim() : "";

            var orderId = Cell("amazon-order-id");
            var number = Cell("tracking-number");
            if (orderId.Length == 0 || number.Length == 0 || !seen.Add((orderId, number)))
            {
                continue;
            }
            var carrier = Cell("carrier");
            var centre = Cell("fulfillment-center-id");
            var package = new ImportedPackage(
                MarketplaceCarrierNames.ToCarrierCode(carrier),
                carrier,
                number,
                Instant(Cell("shipment-date")),
                Instant(Cell("estimated-arrival-date")),
                TrackingStatus.InTransit,
                centre.Length == 0 ? "Shipped by Amazon" : $"Shipped by Amazon from fulfillment center {centre}",
                ShippedByAmazon: true);
            if (!packages.TryGetValue(orderId, out var list))
            {
                packages[orderId] = list = [];
            }
            list.Add(package);
        }
        foreach (var (orderId, list) in packages)
        {
            result[orderId] = list;
        }
        return result;
    }

    /// <summary>Report dates are ISO 8601 with an offset; one unreadable date must not cost the whole report.</summary>
    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime() : null;
}

/// <summary>What the FBA shipments report found (<c>AmazonMarketplaceClient.FetchFbaShipmentsAsync</c>): FBA parcels per Amazon order id, or why not.</summary>
public sealed record AmazonFbaShipments(
    IReadOnlyDictionary<string, IReadOnlyList<ImportedPackage>> PackagesByOrderId, string? FailureReason = null, bool Transient = true)
{
    public bool IsSuccess => FailureReason is null;

    /// <summary>
    /// The regions ("NA", "EU", "FE") whose report was read. With a failure, the parcels are those of these regions:
    /// the others are to be asked again from where they were.
    /// </summary>
    public IReadOnlyList<string> ReadRegions { get; init; } = [];

    public static AmazonFbaShipments Failure(string reason, bool transient) =>
        new(new Dictionary<string, IReadOnlyList<ImportedPackage>>(), reason, transient);
}
