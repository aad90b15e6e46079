using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// The incremental-sync cursor of one Amazon account: "amz1." + base64url(JSON), opaque to callers. Per selling
/// region (NA/EU/FE, each holding the account's marketplaces there) it keeps a window of <c>lastUpdatedAfter</c> ..
/// <c>lastUpdatedBefore</c>, the Orders API version whose paging token it holds, that token, and whether the window is
/// fully read. A round opens a window for every region ending three minutes before now: Amazon refuses an end later
/// than two minutes before the request on its clock, and the third minute lets our clock run up to a minute ahead of
/// Amazon's. Once every region has read its window, the next round starts where it ended — no gap, whatever the
/// clocks say. Overlap at the edges is possible and harmless (imports are idempotent).
/// Regions are independent (each its own host at Amazon): a region whose call fails keeps its window as it was and is
/// set aside for the rest of the round, so the others read theirs; the next round retries it on that same window while
/// the others move on to new ones. Cursors written before regions could be set aside read as none set aside.
/// A paging token is kept with the time it was received: Orders v2026 tokens expire after 24 h, so an old one, or one
/// Amazon refuses, is dropped and the window read again from its start — the same idempotence makes that safe.
/// </summary>
internal sealed class AmazonSyncCursor
{
    private const string Prefix = "amz1.";

    [JsonPropertyName("r")]
    public Dictionary<string, AmazonRegionWindow> Regions { get; set; } = new(StringComparer.Ordinal);

    public string Encode() => Prefix + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>The cursor, a fresh one for "", or null when the text is not a cursor this client wrote.</summary>
    public static AmazonSyncCursor? Decode(string cursor)
    {
        if (cursor.Length == 0)
        {
            return new AmazonSyncCursor();
        }
        if (!cursor.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            var decoded = JsonSerializer.Deserialize<AmazonSyncCursor>(Base64Url.DecodeFromChars(cursor.AsSpan(Prefix.Length)));
            return decoded is { Regions: not null } ? decoded : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>One region's place in the sync: see <see cref="AmazonSyncCursor"/>.</summary>
internal sealed class AmazonRegionWindow
{
    [JsonPropertyName("a")]
    public DateTimeOffset After { get; set; }

    /// <summary>Null until the region's first window opens.</summary>
    [JsonPropertyName("b")]
    public DateTimeOffset? Before { get; set; }

    /// <summary>"2026-01-01" or "v0": the version the paging token belongs to.</summary>
    [JsonPropertyName("v")]
    public string Api { get; set; } = "";

    [JsonPropertyName("p")]
    public string? Page { get; set; }

    /// <summary>
    /// When <see cref="Page"/> was received, on our clock; null when there is no token, or in a cursor written before
    /// this was kept (such a token is tried, and dropped if Amazon refuses it).
    /// </summary>
    [JsonPropertyName("t")]
    public DateTimeOffset? PageReceivedAt { get; set; }

    [JsonPropertyName("d")]
    public bool Done { get; set; }

    /// <summary>The region failed this round: its window waits, unchanged, for the next round.</summary>
    [JsonPropertyName("f")]
    public bool SetAside { get; set; }

    /// <summary>Still to be read this round.</summary>
    [JsonIgnore]
    public bool IsOpen => Before is not null && !Done && !SetAside;

    /// <summary>A copy to fall back on when reading the window fails (a read changes the token and the API version).</summary>
    public AmazonRegionWindow Copy() => (AmazonRegionWindow)MemberwiseClone();

    /// <summary>Keeps the next page's token (null: the window is read), stamped so its age can be judged later.</summary>
    public void SetPage(string? token, DateTimeOffset now)
    {
        Page = token;
        PageReceivedAt = token is null ? null : now;
    }

    /// <summary>Forgets the paging token: the next call reads the window again from <see cref="After"/>.</summary>
    public void RestartWindow() => SetPage(null, default);

    /// <summary>Whether the token is known to be at least <paramref name="maxAge"/> old.</summary>
    public bool PageOlderThan(TimeSpan maxAge, DateTimeOffset now) =>
        Page is not null && PageReceivedAt is { } received && now - received >= maxAge;
}
