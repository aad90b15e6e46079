using System.Collections.Concurrent;
using LogisticsLink.Carriers;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Bench.Carriers;

/// <summary>
/// A carrier that has <see cref="EventsPerCall"/> new scans every time it is asked, and like real carriers returns the
/// parcel's full history each time (so the tracker de-duplicates everything it already holds).
/// </summary>
public sealed class GrowingHistoryCarrier(string code) : ICarrierClient
{
    /// <summary>A carrier code of the bench's own, so it never collides with a real connector the server registers.</summary>
    public const string BenchCode = "benchcarrier";

    private static readonly string[] Cities = ["Leipzig", "Lyon", "Milano", "Madrid", "Rotterdam", "Gdansk", "Graz", "Ghent"];
    private readonly ConcurrentDictionary<string, int> _scans = new(StringComparer.Ordinal);

    public string Code { get; } = code;

    public TimeSpan? Cadence => null;

    public int EventsPerCall { get; set; } = 1;

    public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        var per = EventsPerCall;
        var total = _scans.AddOrUpdate(request.TrackingNumber, per, (_, n) => n + per);
        var events = new List<TrackingEvent>(total);
        for (var i = total - 1; i >= 0; i--)
        {
            events.Add(Scan(request.RegisteredAt, i));
        }
        var snapshot = new CarrierSnapshot(
            Status: null,
            Events: events,
            EstimatedDelivery: new DateTimeOffset(request.RegisteredAt.UtcDateTime.Date.AddDays(4), TimeSpan.Zero),
            TrackingUrl: $"https://carrier.invalid/track/{request.TrackingNumber}",
            PayloadSha256: $"{request.TrackingNumber}-{total}");
        return Task.FromResult(CarrierResult.Success(snapshot));
    }

    private static TrackingEvent Scan(DateTimeOffset registeredAt, int index)
    {
        var city = Cities[index % Cities.Length];
        return new TrackingEvent(
            registeredAt.AddMinutes(index + 1),
            index == 0 ? TrackingStatus.InfoReceived : TrackingStatus.InTransit,
            index == 0 ? "info_received.label_created" : "in_transit.arrived_at_facility",
            index == 0 ? "Shipment information received" : $"Arrived at sort facility {city}",
            index == 0 ? "MP" : $"AR{index}",
            new TrackingLocation(city, "", $"{10000 + index}", "DE"),
            "carrier",
            default);
    }
}
