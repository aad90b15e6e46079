namespace LogisticsLink.Domain.Shipments;

/// <summary>One carrier scan, normalized.</summary>
public sealed record TrackingEvent(
    DateTimeOffset OccurredAt,
    TrackingStatus Status,
    string StatusDetail,
    string Description,
    string RawCode,
    TrackingLocation Location,
    string Source,
    DateTimeOffset IngestedAt)
{
    /// <summary>
    /// Identity of the scan for de-duplication. Carriers resend the same scan on every poll, sometimes with the text
    /// reworded or translated, so the key is built from what does not change: the instant (to the second), the raw
    /// code, the normalized status and the place. Computed on read so that copies made with `with` get their own key.
    /// </summary>
    public string DedupKey => string.Join('|',
        OccurredAt.ToUnixTimeSeconds(),
        RawCode.Trim().ToUpperInvariant(),
        (int)Status,
        Location.PostalCode.Trim().ToUpperInvariant(),
        Location.City.Trim().ToUpperInvariant());
}
