namespace LogisticsLink.Sandbox.Marketplaces.Amazon;

/// <summary>An FBM parcel as Orders v2026 reports it (<c>packages[]</c>).</summary>
public sealed record AmazonDemoPackage(string Carrier, string TrackingNumber, DateTimeOffset ShippedAt, string ShippingService, string Status = "SHIPPED");

/// <summary>An FBA parcel as the FBA shipments report lists it, with the items it holds (one report row each).</summary>
public sealed record AmazonDemoFbaShipment(
    string Carrier, string TrackingNumber, DateTimeOffset ShippedAt, DateTimeOffset EstimatedArrival, string FulfillmentCenter,
    IReadOnlyList<string> Skus);

/// <summary>One event of an MCF package (<c>getPackageTrackingDetails</c>).</summary>
public sealed record AmazonDemoMcfEvent(DateTimeOffset At, string Code, string Description, string City, string Country);

/// <summary>
/// An MCF package: its number, tracking, Amazon's current status and events (oldest first). An empty
/// <paramref name="TrackingNumber"/> is a package Amazon knows only by its own number (<see cref="AmazonFulfillmentTrackingNumber"/>).
/// </summary>
public sealed record AmazonDemoMcfPackage(
    int PackageNumber, string OrderId, string Carrier, string TrackingNumber, DateTimeOffset ShippedAt, DateTimeOffset EstimatedArrival,
    string CurrentStatus, string CurrentStatusDescription, IReadOnlyList<AmazonDemoMcfEvent> Events)
{
    /// <summary>Amazon's own number for the package (<c>amazonFulfillmentTrackingNumber</c>), the same for its whole life.</summary>
    public string AmazonFulfillmentTrackingNumber => "AFTN" + PackageNumber.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// An order of the demo seller. <paramref name="Status"/> is the v2026 <c>FulfillmentStatus</c> (v0 spelling is
/// derived). FBM orders carry <paramref name="Packages"/>; FBA orders <paramref name="FbaShipments"/> (report rows).
/// </summary>
public sealed record AmazonDemoOrder(
    string OrderId,
    string MarketplaceId,
    bool FulfilledByAmazon,
    string Status,
    DateTimeOffset PurchasedAt,
    DateTimeOffset LastUpdatedAt,
    DateTimeOffset? LatestShipDate,
    DateTimeOffset? LatestDeliveryDate,
    bool IsPrime,
    IReadOnlyList<AmazonDemoPackage> Packages,
    IReadOnlyList<AmazonDemoFbaShipment> FbaShipments,
    string Note,
    bool NonAmazonChannel = false);

/// <summary>
/// The demo seller's orders, dated relative to the clock at creation, so the embedded default always shows orders of
/// the last days. FBM parcels use sandbox numbers (LLSB + 10 digits; the last digit picks the sandbox lifecycle, see
/// SandboxScenarios); FBA parcels use Amazon Logistics numbers with carrier AMZN_xx; one MCF package. Tests add orders.
/// </summary>
public sealed class AmazonDemoCatalogue
{
    public const string Us = "ATVPDKIKX0DER";
    public const string Uk = "A1F83G8C2ARO7P";
    public const string De = "A1PA6795UKMFR9";
    public const string Fr = "A13V1IB3VIYZZH";
    public const string SandboxCarrier = "LogisticsLink Sandbox";

    private readonly Lock _gate = new();
    private readonly List<AmazonDemoOrder> _orders = [];
    private readonly List<AmazonDemoMcfPackage> _mcf = [];

    public IReadOnlyList<AmazonDemoOrder> Orders
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders];
            }
        }
    }

    public IReadOnlyList<AmazonDemoMcfPackage> McfPackages
    {
        get
        {
            lock (_gate)
            {
                return [.. _mcf];
            }
        }
    }

    /// <summary>Adds an order, or replaces the one with the same id (an update).</summary>
    public void Upsert(AmazonDemoOrder order)
    {
        lock (_gate)
        {
            _orders.RemoveAll(o => o.OrderId == order.OrderId);
            _orders.Add(order);
        }
    }

    public void Add(AmazonDemoMcfPackage package)
    {
        lock (_gate)
        {
            _mcf.Add(package);
        }
    }

    /// <summary>Replaces the MCF package with the same number (Amazon learned its carrier's number, its status moved).</summary>
    public void Replace(AmazonDemoMcfPackage package)
    {
        lock (_gate)
        {
            var index = _mcf.FindIndex(p => p.PackageNumber == package.PackageNumber);
            if (index < 0)
            {
                throw new ArgumentException($"no MCF package {package.PackageNumber} in the catalogue", nameof(package));
            }
            _mcf[index] = package;
        }
    }

    /// <summary>An empty catalogue, for tests that build their own.</summary>
    public static AmazonDemoCatalogue Empty() => new();

    /// <summary>The demo catalogue as of <paramref name="time"/>'s now.</summary>
    public static AmazonDemoCatalogue Create(TimeProvider time)
    {
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var endOfTomorrow = today.AddDays(2).AddSeconds(-1);
        var catalogue = new AmazonDemoCatalogue();

        AmazonDemoOrder Fbm(string id, string marketplace, string status, int hoursAgo, string number, string note, DateTimeOffset? latestDelivery = null, bool prime = false)
        {
            var purchased = now.AddHours(-hoursAgo);
            var shipped = purchased.AddHours(6);
            IReadOnlyList<AmazonDemoPackage> packages = number.Length == 0 ? [] : [new(SandboxCarrier, number, shipped, "Sandbox Tracked 48")];
            return new AmazonDemoOrder(id, marketplace, false, status, purchased, number.Length == 0 ? purchased.AddMinutes(5) : shipped,
                purchased.AddDays(1), latestDelivery ?? today.AddDays(4).AddSeconds(-1), prime, packages, [], note);
        }

        AmazonDemoOrder Fba(string id, string marketplace, string status, int hoursAgo, string carrier, string number, string centre, int arrivesInDays, string note, params string[] skus)
        {
            var purchased = now.AddHours(-hoursAgo);
            var shipped = purchased.AddHours(8);
            IReadOnlyList<AmazonDemoFbaShipment> shipments = number.Length == 0
                ? []
                : [new(carrier, number, shipped, today.AddDays(arrivesInDays).AddHours(20), centre, skus)];
            return new AmazonDemoOrder(id, marketplace, true, status, purchased, number.Length == 0 ? purchased.AddMinutes(5) : shipped,
                null, null, true, [], shipments, note);
        }

        catalogue.Upsert(Fbm("113-5550001-0000010", Us, "SHIPPED", 46, "LLSB2000000010", "FBM, normal delivery (scenario 0)", prime: true));
        catalogue.Upsert(Fbm("026-5550002-0000024", Uk, "SHIPPED", 43, "LLSB2000000024",
            "FBM, weather delay pushes the carrier's ETA past the promised delivery date (scenario 4)", latestDelivery: endOfTomorrow));
        catalogue.Upsert(Fbm("302-5550003-0000033", De, "SHIPPED", 40, "LLSB2000000033", "FBM, customs hold then delivered (scenario 3)"));
        catalogue.Upsert(Fbm("405-5550004-0000042", Fr, "SHIPPED", 37, "LLSB2000000042", "FBM, failed attempt then delivered (scenario 2)"));
        catalogue.Upsert(Fbm("113-5550005-0000056", Us, "SHIPPED", 34, "LLSB2000000055", "FBM, returned to sender (scenario 5)"));
        catalogue.Upsert(Fbm("113-5550006-0000066", Us, "SHIPPED", 31, "LLSB2000000066", "FBM, lost in transit (scenario 6)"));
        catalogue.Upsert(Fbm("405-5550007-0000071", Fr, "PARTIALLY_SHIPPED", 28, "LLSB2000000071", "FBM, one of two items shipped, locker delivery (scenario 1)"));
        catalogue.Upsert(Fbm("113-5550008-0000000", Us, "UNSHIPPED", 30, "", "FBM, not shipped by its ship-by date (late shipment)") with
        {
            LatestShipDate = now.AddHours(-6),
        });
        catalogue.Upsert(Fba("113-5550009-0000000", Us, "SHIPPED", 26, "AMZN_US", "TBA301555000901", "LEX1", 1,
            "FBA, Amazon Logistics, two items in one parcel", "LL-MUG-01", "LL-TEA-02"));
        catalogue.Upsert(Fba("026-5550010-0000000", Uk, "SHIPPED", 22, "AMZN_UK", "TBA302555001002", "LTN4", 2, "FBA, Amazon Logistics UK", "LL-MUG-01"));
        catalogue.Upsert(Fba("302-5550011-0000000", De, "SHIPPED", 18, "AMZN_DE", "TBA303555001103", "DTM2", 1, "FBA, Amazon Logistics DE", "LL-LAMP-03"));
        catalogue.Upsert(Fba("113-5550012-0000000", Us, "PENDING", 3, "", "", "", 0, "FBA, payment pending: not shipped, not in the report"));

        var mcfOrder = Fba("S01-5550013-0000000", Us, "SHIPPED", 20, "", "", "", 0, "MCF order from another sales channel, tracked by package number 555013") with
        {
            NonAmazonChannel = true,
            LastUpdatedAt = now.AddHours(-12),
        };
        catalogue.Upsert(mcfOrder);
        var left = now.AddHours(-12);
        catalogue.Add(new AmazonDemoMcfPackage(555013, mcfOrder.OrderId, "AMZN_US", "TBA304555001304", left, today.AddDays(1).AddHours(20),
            "IN_TRANSIT", "Package arrived at a carrier facility",
        [
            new(left.AddHours(-2), "EVENT_101", "Carrier notified to pick up package", "Lexington", "US"),
            new(left, "EVENT_102", "Shipment picked up from seller's facility", "Lexington", "US"),
            new(left.AddHours(5), "EVENT_202", "Departure scan", "Lexington", "US"),
            new(left.AddHours(9), "EVENT_201", "Arrival scan", "Columbus", "US"),
        ]));
        return catalogue;
    }
}
