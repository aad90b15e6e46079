using System.Text.Json;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// Reads a <c>/track/v1/trackingnumbers</c> answer into one result per requested number. FedEx may return several
/// <c>trackResults</c> for one number (a number reused for another shipment, told apart by
/// <c>trackingNumberUniqueId</c>); the one whose newest scan is most recent is the parcel being tracked now, since a
/// tracking number is only reused once its earlier shipment is finished. A result carrying an error ranks below any
/// with data.
/// </summary>
public static class FedExResponseReader
{
    public const string DataNotFoundAlert = "TRACKING.DATA.NOTFOUND";

    /// <summary>The chosen result of one number and how many FedEx returned for it.</summary>
    public sealed record Choice(JsonElement Result, int Candidates, string UniqueId);

    /// <summary>Results keyed by normalized tracking number (see <see cref="Normalize"/>).</summary>
    public sealed record Answer(IReadOnlyDictionary<string, Choice> Results, bool DataNotFoundAlert);

    public static string Normalize(string trackingNumber) =>
        string.Concat(trackingNumber.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();

    /// <exception cref="FedExShapeException">The JSON is not shaped like a tracking answer.</exception>
    internal static Answer Read(JsonElement root)
    {
        var output = root.Prop("output") ?? throw new FedExShapeException("no 'output' object");
        if (output.ValueKind != JsonValueKind.Object)
        {
            throw new FedExShapeException("'output' is not an object");
        }
        var complete = output.Prop("completeTrackResults") is { ValueKind: JsonValueKind.Array } c
            ? c.EnumerateArray().ToList()
            : throw new FedExShapeException("no 'completeTrackResults' array");
        var alertNotFound = output.Array("alerts")
            .Any(a => a.Str("code").Equals(DataNotFoundAlert, StringComparison.OrdinalIgnoreCase));

        var candidates = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        foreach (var entry in complete)
        {
            foreach (var result in entry.Array("trackResults"))
            {
                // A result answers both the number FedEx files it under and the number that was asked (the outer
                // one): asked for a parcel's long barcode, FedEx may name it by its 12- or 15-digit number.
                var inner = ((JsonElement?)result).Prop("trackingNumberInfo").Str("trackingNumber");
                foreach (var key in new[] { inner, entry.Str("trackingNumber") }.Where(n => n.Length > 0).Select(Normalize).Distinct(StringComparer.Ordinal))
                {
                    if (!candidates.TryGetValue(key, out var list))
                    {
                        candidates[key] = list = [];
                    }
                    list.Add(result);
                }
            }
        }
        var chosen = candidates.ToDictionary(
            kv => kv.Key,
            kv =>
            {
                var best = kv.Value.OrderByDescending(Rank).First();
                return new Choice(best, kv.Value.Count, ((JsonElement?)best).Prop("trackingNumberInfo").Str("trackingNumberUniqueId"));
            },
            StringComparer.Ordinal);
        return new Answer(chosen, alertNotFound);
    }

    // Results with data beat errors; among them, the most recent newest scan wins; unreadable dates rank lowest.
    private static (int, DateTimeOffset) Rank(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            return (0, DateTimeOffset.MinValue);
        }
        if (result.Prop("error") is not null)
        {
            return (1, DateTimeOffset.MinValue);
        }
        var dates = result.Prop("scanEvents") is { ValueKind: JsonValueKind.Array } scans
            ? scans.EnumerateArray().Select(s => FedExTimestamps.Parse(((JsonElement?)s).Str("date"))).ToList()
            : [];
        var newest = CarrierTimes.Resolve(dates).Where(d => d is not null).Select(d => d!.Value)
            .DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        return (2, newest);
    }
}
