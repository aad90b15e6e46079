using System.Buffers;
using System.Globalization;

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
    /// How far after its receipt a scan may be dated and still keep its own time: a carrier's clock a little ahead of
    /// ours, or a scan made while we were asking, is not an error; a zone error (30 minutes or more) is.
    /// </summary>
    public static readonly TimeSpan MisdatedAfter = TimeSpan.FromMinutes(15);

    /// <summary>
    /// When the scan counts as having happened, for telling which scan is newer: its own time, or when we first held
    /// it if the carrier dated it more than <see cref="MisdatedAfter"/> later (a zone error), since a scan cannot have
    /// happened after we held it. A scan not yet ingested (<see cref="IngestedAt"/> unset) counts at its own time.
    /// <see cref="OccurredAt"/> stays what the carrier said: the evidence shows it.
    /// </summary>
    public DateTimeOffset EffectiveAt => IngestedAt == default ? OccurredAt : EffectiveAsOf(IngestedAt);

    /// <summary>
    /// The scan as every store keeps it, its text made valid (<see cref="ValidText"/>): what reading it back gives.
    /// This very scan when its text is valid already.
    /// </summary>
    public TrackingEvent AsStored()
    {
        var stored = this with
        {
            StatusDetail = ValidText.Repair(StatusDetail),
            Description = ValidText.Repair(Description),
            RawCode = ValidText.Repair(RawCode),
            Location = new TrackingLocation(
                ValidText.Repair(Location.City), ValidText.Repair(Location.Region), ValidText.Repair(Location.PostalCode), ValidText.Repair(Location.CountryCode)),
            Source = ValidText.Repair(Source),
        };
        return stored == this ? this : stored;
    }

    /// <summary><see cref="EffectiveAt"/> for a scan received at <paramref name="receivedAt"/>.</summary>
    public DateTimeOffset EffectiveAsOf(DateTimeOffset receivedAt) => OccurredAt - receivedAt > MisdatedAfter ? receivedAt : OccurredAt;

    /// <summary>
    /// Identity of the scan for de-duplication. Carriers resend the same scan on every poll, sometimes with the text
    /// reworded or translated, so the key is built from what does not change: the instant (to the second), the raw
    /// code, the normalized status and the place. Computed on read so that copies made with `with` get their own key.
    /// Its text is valid as every store keeps it (<see cref="ValidText"/>).
    /// </summary>
    public string DedupKey
    {
        get
        {
            // Built in one buffer: the tracker computes the key of every scan of every snapshot it applies, and
            // carriers resend the whole history each time.
            ReadOnlySpan<char> raw = RawCode.AsSpan().Trim(), postal = Location.PostalCode.AsSpan().Trim(), city = Location.City.AsSpan().Trim();
            var length = MaxNumberLength * 2 + raw.Length + postal.Length + city.Length + 4;
            var rented = length > StackLimit ? ArrayPool<char>.Shared.Rent(length) : null;
            Span<char> key = rented is null ? stackalloc char[StackLimit] : rented;
            OccurredAt.ToUnixTimeSeconds().TryFormat(key, out var n, provider: CultureInfo.InvariantCulture);
            key[n++] = '|';
            n += raw.ToUpperInvariant(key[n..]);
            key[n++] = '|';
            ((int)Status).TryFormat(key[n..], out var written, provider: CultureInfo.InvariantCulture);
            n += written;
            key[n++] = '|';
            n += postal.ToUpperInvariant(key[n..]);
            key[n++] = '|';
            n += city.ToUpperInvariant(key[n..]);
            var result = new string(key[..n]);
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
            // As stored: a carrier's NUL or lone surrogate must not make the key differ from the stored one, which
            // would count the scan as new on every poll.
            return ValidText.Repair(result);
        }
    }

    private const int MaxNumberLength = 20;
    private const int StackLimit = 256;
}
