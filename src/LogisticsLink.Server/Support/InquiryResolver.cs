using LogisticsLink.Domain.Detection;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Support;

/// <summary>What an inquiry points to: one order (or none, or several), the shipments to talk about, what matched.</summary>
public sealed record InquiryTarget(
    OrderState? Order, IReadOnlyList<CachedShipment> Shipments, IReadOnlyList<(string Channel, string OrderId, string MatchedBy)> Candidates,
    bool Stale)
{
    public bool Ambiguous => Candidates.Count > 1;

    /// <summary>The bare numbers of the message that found an order (the others were only numbers).</summary>
    public IReadOnlyList<OrderIdMatch> OrderNumbers { get; init; } = [];

    /// <summary>The references this target was looked up by: the request's fields, or the message's when those found nothing.</summary>
    public InquiryMatches Matches { get; init; } = InquiryMatches.None;

    /// <summary>
    /// The order's parcels the buyer named by tracking number: they decide the reply, not the order's worst parcel (a
    /// buyer asking about the delivered parcel is not answered about another, lost one).
    /// </summary>
    public IReadOnlyList<string> NamedShipmentIds { get; init; } = [];

    /// <summary>Nothing was found: no order, candidate or shipment.</summary>
    public bool IsEmpty => Order is null && Candidates.Count == 0 && Shipments.Count == 0;
}

/// <summary>
/// Finds the order and shipments an inquiry is about (tenant-scoped) and brings their status up to date: shipments
/// checked longer ago than max_age are refreshed (single-flight, through <see cref="ShipmentTracker"/>), but the
/// answer never waits past the caller's deadline — a slow carrier's shipment is answered from its last known state,
/// flagged stale, and its refresh lands for the next reader.
/// </summary>
public sealed class InquiryResolver(IOrderStore orders, IShipmentStore shipments, ShipmentCache cache, ShipmentTracker tracker, RefreshWaiter refreshWaiter, TimeProvider time)
{
    /// <summary>How many stored parcels one quoted number may find (one per carrier it was stored under).</summary>
    private const int MaxParcelsPerNumber = 10;

    private readonly OrderReferences _references = new(orders);

    /// <summary>
    /// Looks the inquiry up by <paramref name="query"/>'s references; when they are the request's fields and find
    /// nothing (a mistyped or unknown number), by the message text's references instead.
    /// </summary>
    public async Task<InquiryTarget> FindAsync(
        string tenant, string channel, InquiryQuery query, TimeSpan? maxAge, DateTimeOffset answerBy, CancellationToken ct)
    {
        var target = await FindByAsync(tenant, channel, query.Given, maxAge, answerBy, ct);
        if (target.IsEmpty && query.FromText is { IsEmpty: false } text)
        {
            var byText = await FindByAsync(tenant, channel, text, maxAge, answerBy, ct);
            return byText.IsEmpty ? target : byText;
        }
        if (target.Order is not null && target.NamedShipmentIds.Count == 0 && query.FromText is { TrackingNumbers.Count: > 0 } quoted)
        {
            // The order came by its id; a parcel of it the message names still says which parcel the buyer asks about.
            // A parcel of another order names nothing here.
            var named = await NamedParcelsAsync(tenant, quoted.TrackingNumbers, ct);
            return target with { NamedShipmentIds = target.Shipments.Select(s => s.Stored.State.Id).Where(named.Contains).ToList() };
        }
        return target;
    }

    /// <summary>The ids of the tenant's parcels <paramref name="numbers"/> name, whatever carrier each was stored under.</summary>
    private async Task<HashSet<string>> NamedParcelsAsync(string tenant, IReadOnlyList<TrackingNumberMatch> numbers, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var number in numbers)
        {
            foreach (var shipment in await shipments.ListParcelsByNumberAsync(tenant, number.Number, MaxParcelsPerNumber, ct))
            {
                ids.Add(shipment.State.Id);
            }
        }
        return ids;
    }

    private async Task<InquiryTarget> FindByAsync(
        string tenant, string channel, InquiryMatches matches, TimeSpan? maxAge, DateTimeOffset answerBy, CancellationToken ct)
    {
        var found = new FoundOrders();
        var loose = new List<StoredShipment>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in matches.OrderIds)
        {
            await _references.AddAsync(tenant, channel, match, found, ct);
        }
        foreach (var number in matches.TrackingNumbers)
        {
            // By the number alone: the stored carrier is the marketplace's or the caller's choice, which detection may
            // not guess (an FBA report's SMARTPOST parcel is fedex; a 91… number reads as USPS). Parcels of several
            // orders make the inquiry ambiguous, as several order ids do.
            foreach (var shipment in await shipments.ListParcelsByNumberAsync(tenant, number.Number, MaxParcelsPerNumber, ct))
            {
                named.Add(shipment.State.Id);
                if (shipment.State.Order.IsNone)
                {
                    loose.Add(shipment);
                }
                else if (await orders.FindOrderAsync(tenant, shipment.State.Order.Channel, shipment.State.Order.OrderId, ct) is { } order)
                {
                    found.Add(order.State, $"tracking_number {number.Number}");
                }
            }
        }
        // Bare numbers are only possibly order references: a long one is looked up as a Shopify id beside the rest when
        // the message came through Shopify; any of them only when nothing else matched.
        var numbers = new List<OrderIdMatch>();
        if (channel == InquiryMatcher.Shopify)
        {
            numbers.AddRange(await _references.AddNumbersAsync(tenant, channel, matches.OrderNumbers, idsOnly: true, found, ct));
        }
        if (found.Count == 0 && loose.Count == 0)
        {
            numbers.AddRange(await _references.AddNumbersAsync(tenant, channel, matches.OrderNumbers, idsOnly: false, found, ct));
        }
        found.PreferNamed();
        found.PreferChannel(channel);
        var candidates = found.All.Select(f => (f.Order.Channel, f.Order.OrderId, f.MatchedBy)).ToList();
        if (found.Count > 1)
        {
            return new InquiryTarget(null, [], candidates, false) { OrderNumbers = numbers, Matches = matches };
        }
        if (found.Count == 1 && !found.All[0].Decides)
        {
            // Only a bare number points to it (a street number, a postcode?): the agent asks rather than send another
            // buyer's tracking.
            return new InquiryTarget(null, [], candidates, false) { OrderNumbers = numbers, Matches = matches };
        }
        var theOrder = found.Count == 1 ? found.All[0].Order : null;
        var ids = theOrder is null
            ? loose.Select(s => s.State.Id).Distinct().ToList()
            : (await orders.ListOrderShipmentsAsync(tenant, theOrder.Channel, theOrder.OrderId, ct)).Select(s => s.Id).ToList();
        var (live, stale) = await LiveAsync(tenant, ids, maxAge, answerBy, ct);
        return new InquiryTarget(theOrder, live, candidates, stale)
        {
            OrderNumbers = numbers, Matches = matches, NamedShipmentIds = live.Select(s => s.Stored.State.Id).Where(named.Contains).ToList(),
        };
    }

    /// <summary>The shipments with their events, refreshed first where older than max_age, waiting no later than <paramref name="answerBy"/>.</summary>
    public async Task<(IReadOnlyList<CachedShipment> Shipments, bool Stale)> LiveAsync(
        string tenant, IReadOnlyList<string> shipmentIds, TimeSpan? maxAge, DateTimeOffset answerBy, CancellationToken ct)
    {
        var asked = time.GetUtcNow();
        var current = new List<CachedShipment>();
        foreach (var id in shipmentIds)
        {
            if (await cache.GetAsync(tenant, id, ct) is { } shipment)
            {
                current.Add(shipment);
            }
        }
        if (maxAge is not { } age)
        {
            return (current, false);
        }
        var due = current.Where(s => !(s.Stored.State.LastCheckedAt >= asked - age)).ToList();
        if (due.Count == 0)
        {
            return (current, false);
        }
        var refreshes = due.Select(s => tracker.RefreshAsync(s.Stored, asked - age)).ToList();
        // A parcel whose refresh did not finish is answered from what we know; the others with their refresh.
        var left = answerBy - time.GetUtcNow();
        var stale = !await refreshWaiter.WaitAsync(refreshes, left > TimeSpan.Zero ? left : TimeSpan.Zero, ct);
        var answer = new List<CachedShipment>();
        foreach (var shipment in current)
        {
            var index = due.IndexOf(shipment);
            var done = index < 0 || refreshes[index].IsCompletedSuccessfully;
            answer.Add(done && index >= 0 ? await cache.GetAsync(tenant, shipment.Stored.State.Id, ct) ?? shipment : shipment);
        }
        return (answer, stale);
    }

    /// <summary>
    /// Order ids and tracking numbers from the request's fields, which win, and from its message text, which is tried
    /// when the fields find nothing.
    /// </summary>
    public static InquiryQuery Read(string orderId, string trackingNumber, string messageText)
    {
        var fromText = InquiryMatcher.Match(messageText);
        var orderIds = new List<OrderIdMatch>();
        var numbers = new List<TrackingNumberMatch>();
        if (orderId.Length > 0)
        {
            var shaped = InquiryMatcher.Match(orderId).OrderIds.FirstOrDefault();
            orderIds.Add(new OrderIdMatch(shaped?.Channel ?? "", shaped?.OrderId ?? orderId.TrimStart('#'), 0, 0));
        }
        if (trackingNumber.Length > 0)
        {
            // Looked up whatever its carriers: a number stored under a carrier detection cannot name is still found. Its
            // match names the carriers the same number in the message would.
            var detected = CarrierDetector.Detect(trackingNumber);
            numbers.Add(new TrackingNumberMatch(detected.Normalized, detected.PlausibleCarriers, 0, 0));
        }
        if (orderIds.Count == 0 && numbers.Count == 0)
        {
            // The text's bare numbers come along: they are only tried when its references find nothing.
            return new InquiryQuery(fromText, null);
        }
        return new InquiryQuery(new InquiryMatches(orderIds, numbers), fromText);
    }
}
