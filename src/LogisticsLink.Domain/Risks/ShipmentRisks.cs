using System.Globalization;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Risks;

/// <summary>Which risks a shipment carries right now, from its state, the order's promise and the clock.</summary>
public static class ShipmentRisks
{
    public static IReadOnlyList<RiskFlag> Evaluate(ShipmentState s, DateTimeOffset now, RiskRules rules)
    {
        var previous = s.Risks;
        var flags = new List<RiskFlag>(2);
        var statusSince = s.LastEventAt ?? s.LastCheckedAt ?? now;
        switch (s.Status)
        {
            case TrackingStatus.Exception:
                flags.Add(RiskFlags.Raise(previous, RiskKind.Exception, Describe("The carrier reports an exception", s), statusSince, true));
                break;
            case TrackingStatus.AttemptFailed:
                flags.Add(RiskFlags.Raise(previous, RiskKind.AttemptFailed, Describe("A delivery attempt failed", s), statusSince, true));
                break;
            case TrackingStatus.Returning or TrackingStatus.Returned:
                flags.Add(RiskFlags.Raise(previous, RiskKind.Returning, Describe("The parcel is going back to the sender", s), statusSince, true));
                break;
            case TrackingStatus.Lost:
                flags.Add(RiskFlags.Raise(previous, RiskKind.Lost, Describe("The carrier reports the parcel lost", s), statusSince, true));
                break;
        }

        if (s.PromisedBy is { } promise && AwaitsDelivery(s))
        {
            if (now > DateOnlyPromise.Deadline(promise))
            {
                flags.Add(RiskFlags.Raise(previous, RiskKind.Delayed, $"Not delivered by the promised {Day(promise)}", DateOnlyPromise.Deadline(promise), true));
            }
            else if (s.EstimatedDelivery is { } eta && IsAfter(eta, promise))
            {
                var day = DateOnlyPromise.Is(eta) && !DateOnlyPromise.Is(promise) ? $" (the buyer's {PromisedDay(promise):yyyy-MM-dd})" : "";
                flags.Add(RiskFlags.Raise(previous, RiskKind.Delayed, $"Carrier estimate {Day(eta)} is after the promised {Day(promise)}{day}", now, true));
            }
        }

        if (rules.StalledAfter(s.Status) is { } limit && s.LastEventAt is { } lastScan && now - lastScan > limit)
        {
            // The reason names the last scan rather than its age: an age grows with every evaluation, and a reason that
            // differs is a RISKS_CHANGED change for the shipment and its order on every poll of a parcel with no news.
            flags.Add(RiskFlags.Raise(previous, RiskKind.Stalled,
                $"No carrier scan since {lastScan.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} (limit {(int)limit.TotalHours} h)",
                lastScan + limit, true));
        }

        // Valid tracking means a physical carrier scan, as the seller metrics count it: a "label created" event is none,
        // and neither is a carrier summary ahead of its scans (or Amazon's status), whatever status it reports. A
        // delivered parcel has nothing left to act on, a voided label (CANCELLED) is no parcel, and a parcel Amazon ships
        // is not the seller's to make valid (see AwaitsFirstScan).
        if (AwaitsFirstScan(s) && now - s.CreatedAt > rules.ValidTrackingGrace)
        {
            flags.Add(RiskFlags.Raise(previous, RiskKind.NoValidTracking,
                $"No carrier scan {(int)rules.ValidTrackingGrace.TotalHours} h after shipping", s.CreatedAt + rules.ValidTrackingGrace, true));
        }
        return flags.Count == 0 ? RiskFlags.None : flags;
    }

    /// <summary>Whether a promise still binds the parcel: it is neither delivered nor over (voided, returned, lost).</summary>
    internal static bool AwaitsDelivery(ShipmentState s) =>
        s.Status is not (TrackingStatus.Delivered or TrackingStatus.Cancelled or TrackingStatus.Returned or TrackingStatus.Lost);

    /// <summary>
    /// Whether an order's parcel the seller ships still lacks the physical scan that makes its tracking valid. Valid
    /// tracking is asked of seller-fulfilled shipments (marketplaces.md lines 690-691); a parcel Amazon ships for an FBA
    /// or MCF order has Amazon's label and Amazon's status, which brings no scan (FBA has no per-order tracking, lines
    /// 28-33), so the seller could do nothing about such a flag and it would never clear.
    /// </summary>
    internal static bool AwaitsFirstScan(ShipmentState s) =>
        !s.Order.IsNone && !s.ShippedByAmazon && s.FirstScanAt is null && s.Status is not (TrackingStatus.Delivered or TrackingStatus.Cancelled);

    /// <summary>
    /// Whether the carrier expects the parcel after the promise. An estimate with a time (a window's end) and a promise
    /// with one are two instants; a date without a time (<see cref="DateOnlyPromise"/>) on either side is a whole day,
    /// compared with the promised day (<see cref="PromisedDay"/>).
    /// </summary>
    private static bool IsAfter(DateTimeOffset eta, DateTimeOffset promise) =>
        DateOnlyPromise.Is(eta) || DateOnlyPromise.Is(promise) ? eta.UtcDateTime.Date > PromisedDay(promise) : eta > promise;

    /// <summary>
    /// The buyer's day a promise ends. A marketplace promises "by the end of the buyer's day" (amazon.com's "by 27
    /// November" ends at 2026-11-28T07:59:59Z, amazon.de's at 2026-11-27T22:59:59Z), and the buyer's zone is not kept
    /// with the shipment; for every zone within 12 hours of UTC that day is the UTC date twelve hours earlier. Its UTC
    /// date would make a parcel the carrier expects on the 28th look on time for a promise of the 27th in the Americas.
    /// </summary>
    private static DateTime PromisedDay(DateTimeOffset promise) =>
        DateOnlyPromise.Is(promise) ? promise.UtcDateTime.Date : promise.UtcDateTime.AddHours(-12).Date;

    private static string Describe(string what, ShipmentState s) =>
        s.StatusDescription.Length > 0 ? $"{what}: {s.StatusDescription}" : what;

    /// <summary>A date-only value as its day; an instant with its UTC time, so two on one day still read apart.</summary>
    private static string Day(DateTimeOffset t) =>
        t.UtcDateTime.ToString(DateOnlyPromise.Is(t) ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
