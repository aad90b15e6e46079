namespace LogisticsLink.Domain.Tracking;

/// <summary>
/// Which carrier-supplied addresses may be kept as a shipment's tracking page. The page becomes a link in the
/// dashboard and in customer replies, so a <c>javascript:</c> or <c>data:</c> address from a carrier (or from anyone
/// able to tamper with its answer) would run script there; only absolute http(s) addresses are trusted.
/// </summary>
public static class WebAddress
{
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
