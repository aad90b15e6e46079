using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LogisticsLink.Carriers.Http;
using Polly;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// DPD's LoginService: <c>getAuth{delisId, password}</c> → <c>return{authToken, depot, authTokenExpires}</c>. The
/// expiry is a wall time without offset, read in DPD's zone (<see cref="DpdTimestamps"/>). A refused login is a SOAP
/// fault <c>DELICOM_ERR_AUTHENTICATION</c>, thrown as <see cref="DpdLoginRefusedException"/>.
/// </summary>
internal sealed class DpdLogin(DpdSoapChannel channel, Uri loginUri, string delisId, string password, TimeProvider time)
{
    /// <summary>Used when the answer has no readable expiry: short, so a wrong guess costs one extra login.</summary>
    public static readonly TimeSpan FallbackLifetime = TimeSpan.FromMinutes(10);

    public sealed record Login(OAuthToken Token, string Depot);

    public async Task<Login> FetchAsync(CancellationToken cancellationToken)
    {
        var envelope = DpdSoap.GetAuth(delisId, password);
        using var response = await channel.SendAsync(loginUri, DpdDefaults.LoginAction, envelope, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (DpdSoap.ReadFault(body) is { } fault)
        {
            // Only DPD's authentication fault says the credentials are wrong; any other fault of the login service
            // (a back-end or maintenance fault) is an outage, not a reason to tell the operator to fix the password.
            if (fault.IsAuthentication || response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new DpdLoginRefusedException(fault.ToString());
            }
            throw new HttpRequestException($"login answered the fault {fault}", null, response.StatusCode);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"login answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }
        try
        {
            var answer = XDocument.Parse(body).Descendant("getAuthResponse")?.Child("return")
                ?? throw new DpdUnexpectedResponseException("the login answer has no getAuthResponse/return");
            var token = answer.Text("authToken");
            if (token.Length == 0)
            {
                throw new DpdUnexpectedResponseException("the login answer has no authToken");
            }
            var now = time.GetUtcNow();
            var expires = DpdTimestamps.Parse(answer.Text("authTokenExpires"), DpdTimestamps.Zone) is { } at && at > now
                ? at
                : now + FallbackLifetime;
            return new Login(new OAuthToken(token, expires), answer.Text("depot"));
        }
        catch (XmlException)
        {
            throw new DpdUnexpectedResponseException("the login answer is not XML");
        }
    }
}

/// <summary>
/// Posts one SOAP envelope through the carrier's resilience pipeline. DPD answers faults with HTTP 500, which the
/// pipeline would retry as a server error; a fault is DPD's considered answer, so inside the attempt it is given the
/// status it means — 401 for an authentication fault (so the caller logs in again once), 400 for any other — and
/// is neither retried nor counted against the circuit. The body is kept for the caller to read.
/// </summary>
internal sealed class DpdSoapChannel(HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline)
{
    public async Task<HttpResponseMessage> SendAsync(Uri uri, string action, string envelope, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
            request.Headers.TryAddWithoutValidation("SOAPAction", action);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            if (response.StatusCode == HttpStatusCode.InternalServerError &&
                DpdSoap.ReadFault(await response.Content.ReadAsStringAsync(ct)) is { } fault)
            {
                response.StatusCode = fault.IsAuthentication ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest;
            }
            return response;
        }, cancellationToken);
}
