namespace LogisticsLink.Carriers.Amazon;

/// <summary>
/// What <c>getTracking</c> needs: the <c>trackingId</c> from purchaseShipment and the <c>carrierId</c> from getRates.
/// A tracking number is either the tracking id alone (Amazon's own network in the default business,
/// <see cref="AmazonDefaults.DefaultCarrierId"/>) or <c>carrierId:trackingId</c> (e.g. <c>AMZN_US:TBA123…</c>).
/// </summary>
public sealed record AmazonTrackingId(string CarrierId, string TrackingId)
{
    public static AmazonTrackingId? Parse(string trackingNumber)
    {
        var text = trackingNumber.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var carrier = colon > 0 ? text[..colon].Trim() : AmazonDefaults.DefaultCarrierId;
        var id = (colon >= 0 ? text[(colon + 1)..] : text).Replace(" ", "", StringComparison.Ordinal).Trim();
        return id.Length is > 0 and <= 64 && carrier.Length > 0 && !carrier.Any(char.IsWhiteSpace) ? new AmazonTrackingId(carrier, id) : null;
    }

    /// <summary>
    /// The shipping business to assume: Amazon's own carrier ids end in the business's country (AMZN_US →
    /// AmazonShipping_US); for any other carrier the header is left out and the API's default applies.
    /// </summary>
    public string? BusinessId =>
        CarrierId.StartsWith("AMZN_", StringComparison.OrdinalIgnoreCase) && AmazonDefaults.Businesses.Contains(CarrierId[5..].ToUpperInvariant())
            ? "AmazonShipping_" + CarrierId[5..].ToUpperInvariant()
            : null;

    public override string ToString() => $"{CarrierId}:{TrackingId}";

    /// <summary>
    /// The one form a normalized number is stored and looked up in: the default business's id is left out
    /// (<c>AMZN_UK:TBA…</c> is <c>TBA…</c>, the form the connector assumes and imports and earlier versions stored), so
    /// that both forms are one parcel; a number of any other business keeps its id.
    /// </summary>
    public static string Canonical(string number) =>
        number.StartsWith(DefaultPrefix, StringComparison.OrdinalIgnoreCase) && number.Length > DefaultPrefix.Length
            && number.IndexOf(':', DefaultPrefix.Length) < 0
            ? number[DefaultPrefix.Length..]
            : number;

    /// <summary>
    /// The form earlier versions stored a <see cref="Canonical"/> number of the default business in when it was given
    /// with the business's id (they kept it as given); null for a number that carries another business's id.
    /// </summary>
    public static string? FormerDefaultForm(string canonical) =>
        canonical.Contains(':', StringComparison.Ordinal) ? null : DefaultPrefix + canonical;

    private const string DefaultPrefix = AmazonDefaults.DefaultCarrierId + ":";

    /// <summary>
    /// The number to track an Amazon Shipping label under when its carrier id is named beside it (Amazon's Orders API
    /// lists an FBM package's <c>carrier</c> as <c>AMZN_US</c>): <c>AMZN_US:TBA…</c>, since a bare number is asked about
    /// in the default business (<see cref="AmazonDefaults.DefaultCarrierId"/>). The default business's id, an id of no
    /// business the API names, any other carrier name, and a number that already carries an id leave the number as it is.
    /// </summary>
    public static string Qualify(string carrierName, string number)
    {
        var carrierId = carrierName.Trim().ToUpperInvariant();
        return !number.Contains(':', StringComparison.Ordinal) && carrierId != AmazonDefaults.DefaultCarrierId
            && new AmazonTrackingId(carrierId, number).BusinessId is not null
                ? $"{carrierId}:{number}"
                : number;
    }
}
