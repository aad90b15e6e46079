using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LogisticsLink.Carriers.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogisticsLink.Sandbox.Dpd;

/// <summary>
/// DPD's DELIS login and parcel-lifecycle SOAP services on loopback: <c>POST {prefix}/soap/services/LoginService/V2_1</c>
/// (getAuth) and <c>POST {prefix}/soap/services/ParcelLifeCycleService/V2_0</c> (getTrackingData). A 14-digit parcel
/// number plays the sandbox lifecycle of its last digit, one step per <see cref="DpdSimulatorOptions.StepInterval"/>
/// from the first time it is asked about (the shipment data at once); digit 7 is unknown to DPD (an empty
/// trackingresult). Refused logins and tokens answer DPD's SOAP fault DELICOM_ERR_AUTHENTICATION with HTTP 500.
/// Faults queued on <see cref="Faults"/> are served on tracking calls first.
/// </summary>
public sealed class DpdSimulator : ICarrierSimulator
{
    private readonly DpdSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly DpdSimulatorTokens _tokens;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public DpdSimulator(DpdSimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _tokens = new DpdSimulatorTokens(time);
    }

    public string PathPrefix => "/dpd";

    /// <summary>Faults to serve on the next tracking calls, and the count of login and tracking calls.</summary>
    public FaultQueue Faults { get; } = new();

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/soap/services/LoginService/V2_1", (Delegate)LoginAsync);
        routes.MapPost("/soap/services/ParcelLifeCycleService/V2_0", (Delegate)TrackAsync);
    }

    private async Task<IResult> LoginAsync(HttpContext context)
    {
        Faults.CountTokenCall();
        var request = await ReadAsync(context);
        if (request is null)
        {
            return Soap(StatusCodes.Status500InternalServerError, DpdSoapRenderer.ClientFault("Unreadable request"));
        }
        if (Value(request, "delisId") != _options.DelisId || Value(request, "password") != _options.Password)
        {
            return Soap(StatusCodes.Status500InternalServerError, DpdSoapRenderer.AuthenticationFault());
        }
        var (token, expiresAt) = _tokens.Issue(_options.TokenLifetime);
        return Soap(StatusCodes.Status200OK, DpdSoapRenderer.LoginAnswer(_options, token, expiresAt));
    }

    private async Task<IResult> TrackAsync(HttpContext context)
    {
        var request = await ReadAsync(context);
        var token = request is null ? null : Value(request, "authToken");
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                _tokens.Revoke(token);
                return Soap(StatusCodes.Status500InternalServerError, DpdSoapRenderer.AuthenticationFault());
            case SimulatorFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                return Results.Text("Too Many Requests", "text/plain", Encoding.UTF8, StatusCodes.Status429TooManyRequests);
            case SimulatorFault.ServerError:
                return Results.Text("Service Unavailable", "text/plain", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
            case SimulatorFault.Hang:
                await HangAsync(context);
                return Results.Empty;
            case SimulatorFault.MalformedBody:
                return Results.Content("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><getTrackingDataResponse><trackingresult><statusInfo>",
                    "text/xml", Encoding.UTF8);
        }
        if (request is null)
        {
            return Soap(StatusCodes.Status500InternalServerError, DpdSoapRenderer.ClientFault("Unreadable request"));
        }
        if (!_tokens.IsValid(token) || Value(request, "delisId") != _options.DelisId)
        {
            return Soap(StatusCodes.Status500InternalServerError, DpdSoapRenderer.AuthenticationFault());
        }
        var parcel = Value(request, "parcelLabelNumber");
        if (parcel is null || parcel.Length != 14 || !parcel.All(char.IsAsciiDigit))
        {
            return Soap(StatusCodes.Status500InternalServerError, DpdSoapRenderer.ClientFault("parcelLabelNumber must be 14 digits"));
        }
        var scenario = SandboxScenarios.ForDigit(parcel[^1] - '0');
        if (scenario.Steps.Count == 0)
        {
            return Soap(StatusCodes.Status200OK, DpdSoapRenderer.Unknown());
        }
        var now = _time.GetUtcNow();
        var firstSeen = _firstSeen.GetOrAdd(parcel, now);
        var visible = (int)Math.Min(scenario.Steps.Count, 1 + (now - firstSeen).Ticks / _options.StepInterval.Ticks);
        return Soap(StatusCodes.Status200OK, DpdSoapRenderer.Tracking(scenario, visible, firstSeen, _options));
    }

    private static async Task<XDocument?> ReadAsync(HttpContext context)
    {
        try
        {
            return await XDocument.LoadAsync(context.Request.Body, LoadOptions.None, context.RequestAborted);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? Value(XDocument document, string localName) =>
        document.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();

    /// <summary>Never answers: waits until the client gives up or the host stops, so timeouts are tested for real.</summary>
    private static async Task HangAsync(HttpContext context)
    {
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The caller left; there is nobody to answer.
        }
    }

    private static IResult Soap(int status, string xml) => Results.Content(xml, "text/xml; charset=utf-8", Encoding.UTF8, status);
}
