using System.Text.Json;

namespace LogisticsLink.Carriers.LaPoste;

/// <summary>
/// Splits an <c>idships</c> answer into one envelope per identifier. La Poste answers one id with an array of one
/// envelope (HTTP 200) or a bare envelope (400/404), several ids with an array of envelopes (HTTP 207), each with
/// its own <c>returnCode</c>; the id is on the envelope (errors) or on its <c>shipment</c> (successes).
/// </summary>
internal static class LaPosteResponseReader
{
    /// <summary>Identifiers as La Poste compares them: no spaces, upper case.</summary>
    public static string Normalize(string idShip) =>
        string.Concat(idShip.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>True for 11 to 15 letters and digits, the documented idShip format.</summary>
    public static bool IsWellFormed(string normalized) =>
        normalized.Length is >= 11 and <= 15 && normalized.All(char.IsAsciiLetterOrDigit);

    /// <param name="requested">The normalized ids of the call, used when an envelope names none.</param>
    public static Dictionary<string, JsonElement> Envelopes(JsonElement root, IReadOnlyList<string> requested)
    {
        var envelopes = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => throw new LaPosteShapeException($"the answer is a {root.ValueKind}"),
        };
        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var envelope in envelopes)
        {
            if (envelope.ValueKind != JsonValueKind.Object || envelope.Prop("returnCode") is null)
            {
                throw new LaPosteShapeException("an entry has no returnCode");
            }
            var id = envelope.Str("idShip") is { Length: > 0 } own ? own : envelope.Prop("shipment").Str("idShip");
            if (id.Length == 0 && envelopes.Count == 1 && requested.Count == 1)
            {
                id = requested[0];
            }
            if (id.Length > 0)
            {
                byId.TryAdd(Normalize(id), envelope);
            }
        }
        return byId;
    }
}
