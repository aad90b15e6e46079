using System.Net;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// FedEx's <c>/oauth/token</c> refused the client id or secret (HTTP 400, 401 or 403). Its own type so the client can
/// tell it from an outage of the token endpoint: refused credentials stay refused until someone fixes the configuration.
/// </summary>
public sealed class FedExCredentialsRefusedException(HttpStatusCode status)
    : Exception($"FedEx token endpoint refused the credentials (HTTP {(int)status})")
{
    public HttpStatusCode Status { get; } = status;
}
