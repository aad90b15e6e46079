namespace LogisticsLink.Domain.Shipments;

/// <summary>
/// The current state of one tracked shipment, without its event history (kept beside it by the store).
/// </summary>
public sealed record ShipmentState
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string Carrier { get; init; }
    public required string TrackingNumber { get; init; }
    public TrackingStatus Status { get; init; } = TrackingStatus.Pending;
    public string StatusDetail { get; init; } = "";
    public string StatusDescription { get; init; } = "";
    public string TrackingUrl { get; init; } = "";
    public DateTimeOffset? EstimatedDelivery { get; init; }

    /// <summary>
    /// When <see cref="EstimatedDelivery"/> was current: the poll that brought it, or the time a push carried. Null for
    /// shipments stored before it was recorded (the last check stands in).
    /// </summary>
    public DateTimeOffset? EstimatedDeliveryAsOf { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>
    /// The earliest physical carrier scan held (<see cref="TrackingStatusExtensions.IsPhysicalScan"/>); null while the
    /// only events are "label created" ones, which do not make a tracking number valid.
    /// </summary>
    public DateTimeOffset? FirstScanAt { get; init; }
    public DateTimeOffset? LastCheckedAt { get; init; }

    /// <summary>
    /// When a terminal status other than DELIVERED (LOST, RETURNED, CANCELLED) was learnt from the carrier's summary
    /// with no scan of it: only a scan newer than that moves it (LastCheckedAt moves on with every check). Null otherwise.
    /// </summary>
    public DateTimeOffset? SummaryTerminalSince { get; init; }
    public bool Stale { get; init; }
    public DeliveryWindow? DeliveryWindow { get; init; }
    public ProofOfDelivery? ProofOfDelivery { get; init; }

    /// <summary>The order's promised delivery date, copied here so risks are judged without reading the order.</summary>
    public DateTimeOffset? PromisedBy { get; init; }

    public IReadOnlyList<Risks.RiskFlag> Risks { get; init; } = Domain.Risks.RiskFlags.None;

    /// <summary>+1 for every change recorded in the change log.</summary>
    public long Version { get; init; }

    public OrderLink Order { get; init; } = OrderLink.None;

    /// <summary>
    /// The order's marketplace lists this parcel among the order's own (an import linked it). Only such a link is
    /// undone when the marketplace stops listing the parcel (its fulfillment cancelled, its number replaced); a link a
    /// caller or a 3PL made is the caller's.
    /// </summary>
    public bool ListedByMarketplace { get; init; }

    /// <summary>
    /// The carrier's connector is never asked about this parcel, neither on schedule nor for a caller's <c>max_age</c>:
    /// it cannot know it. Amazon delivers the parcel itself for an FBA or MCF order (Amazon Logistics, an <c>AFTN…</c>
    /// number), and Amazon Shipping knows only the labels bought through it: its status comes from what the Amazon import
    /// brings (the FBA shipments report, MCF package tracking). Or the marketplace now tracks the same package by another
    /// number (<see cref="Orders.ImportedPackage.Replaces"/>), which is polled instead. Or its marketplace stopped
    /// listing it before the carrier ever scanned it (a voided label), see <see cref="Tracking.Tracker.UnlinkOrder"/>,
    /// until it is listed or tracked by a caller again.
    /// </summary>
    public bool NotPolled { get; init; }

    /// <summary>
    /// Amazon ships this parcel (an FBA report row, an MCF package): Amazon bought its label and handed it to the
    /// carrier, and reports its status without carrier scans, so keeping its tracking valid is not the seller's duty
    /// (valid tracking is asked of seller-fulfilled shipments) and it never takes NO_VALID_TRACKING. Set by the Amazon
    /// import that lists it, and kept for the parcel's life: who shipped it does not change.
    /// </summary>
    public bool ShippedByAmazon { get; init; }

    /// <summary>
    /// A caller tracks this parcel on its own (TrackShipment), whatever order it is on: it is polled even when its
    /// marketplace stops listing it. Kept for the parcel's life.
    /// </summary>
    public bool TrackedByCaller { get; init; }

    /// <summary>
    /// When the order's marketplace (or the system that imported the order) says this parcel shipped: Amazon's
    /// package <c>shipTime</c>, eBay's <c>shippedDate</c>, a Shopify fulfillment's creation, UpsertOrder's
    /// <c>shipped_at</c>. Null when it said nothing. Kept so the order's ship time can be decided again from its parcels
    /// (<see cref="Orders.OrderShipTime"/>); it belongs to the link, so it leaves with the order.
    /// </summary>
    public DateTimeOffset? StatedShippedAt { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyLabels;
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the scheduler should ask the carrier next; null once the shipment needs no more polling.</summary>
    public DateTimeOffset? NextCheckAt { get; init; }

    /// <summary>
    /// When a flag that time alone raises may come due, or earlier (<see cref="LogisticsLink.Domain.Risks.RiskClock"/>), set at every judgement; null when
    /// none can. A sweep judges the shipment again then, whether or not anything else touches it.
    /// </summary>
    public DateTimeOffset? RiskCheckAt { get; init; }

    /// <summary>Refresh failures in a row, for back-off. Reset by a successful refresh.</summary>
    public int ConsecutiveFailures { get; init; }

    public static readonly IReadOnlyDictionary<string, string> EmptyLabels = new Dictionary<string, string>();
}
