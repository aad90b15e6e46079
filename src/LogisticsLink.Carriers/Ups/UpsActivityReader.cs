using System.Text.Json;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// Turns <c>activity[]</c> into events, oldest first for the work and newest first in the result. UPS lists activity
/// newest-first but nothing relies on that: events are sorted by instant. An activity whose codes carry no status
/// (photo added, date updated, "not available") keeps the status the parcel had before it, so it stays in the history
/// without moving the status; with nothing before it, it is left out. Identical scans (UPS repeats some) are kept once.
/// </summary>
internal static class UpsActivityReader
{
    public static List<TrackingEvent> Events(IEnumerable<JsonElement> activities)
    {
        var read = activities.Select(Read).ToList();
        // Equal instants: UPS's newest-first listing means the later entry is the older scan.
        var ordered = read.Select((a, index) => (a, index)).OrderBy(x => x.a.At).ThenByDescending(x => x.index).Select(x => x.a);

        var events = new List<TrackingEvent>(read.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        UpsMappedStatus? before = null;
        foreach (var activity in ordered)
        {
            var status = activity.Mapped ?? before;
            if (status is null)
            {
                continue;
            }
            before = status;
            var e = new TrackingEvent(activity.At, status.Status, status.Detail, activity.Description, activity.Raw.Raw,
                activity.Location, "poll", default);
            if (seen.Add(e.DedupKey))
            {
                events.Add(e);
            }
        }
        events.Reverse();
        return events;
    }

    public static List<UpsRawStatus> RawCodes(IEnumerable<JsonElement> statusHolders) =>
        statusHolders.Select(h => h.Child("status") is { } s ? UpsRawStatus.Read(s) : UpsRawStatus.Read(h)).ToList();

    private static Activity Read(JsonElement activity)
    {
        var status = activity.Child("status") ?? throw new UpsUnexpectedResponseException("an activity without status");
        var raw = UpsRawStatus.Read(status);
        var description = status.Text("description") is { Length: > 0 } d ? d : status.Text("simplifiedTextDescription");
        var at = UpsTimestamps.Resolve(activity.Text("date"), activity.Text("time"), activity.Text("gmtDate"),
                activity.Text("gmtTime"), activity.Text("gmtOffset"))
            // A scan we cannot place in time could be the newest one: reading on without it could report a stale status.
            ?? throw new UpsUnexpectedResponseException($"activity {raw.Raw} has no readable date");
        return new Activity(at, raw, UpsStatusMap.Map(raw.Type, raw.StatusCode, raw.Code, description), description, Location(activity));
    }

    private static TrackingLocation Location(JsonElement activity)
    {
        if (activity.Child("location")?.Child("address") is not { } address)
        {
            return TrackingLocation.Unknown;
        }
        var country = address.Text("countryCode") is { Length: > 0 } cc ? cc : address.Text("country");
        return new TrackingLocation(address.Text("city"), address.Text("stateProvince"), address.Text("postalCode"), country.ToUpperInvariant());
    }

    private sealed record Activity(DateTimeOffset At, UpsRawStatus Raw, UpsMappedStatus? Mapped, string Description, TrackingLocation Location);
}
