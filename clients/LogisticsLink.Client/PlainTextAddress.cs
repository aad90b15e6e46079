using System.Net;

namespace LogisticsLink.Client;

/// <summary>
/// Whether an address sends the API key readable by anyone on the network: plain http to a host other than this
/// machine. Allowed (a Docker service name on an internal network is a normal setup), but worth a warning.
/// </summary>
internal static class PlainTextAddress
{
    public static bool ExposesApiKey(Uri address) =>
        address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address);

    /// <summary>localhost, 127.0.0.0/8 and ::1: traffic that never leaves the machine.</summary>
    private static bool IsLoopback(Uri address) =>
        string.Equals(address.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(address.IdnHost, out var ip) && IPAddress.IsLoopback(ip));
}
