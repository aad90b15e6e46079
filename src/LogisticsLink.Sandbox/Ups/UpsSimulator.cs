using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogisticsLink.Sandbox.Ups;

/// <summary>
/// UPS's OAuth and Track API v1 on loopback. A number's last digit picks the sandbox lifecycle
/// (<see cref="SandboxScenarios"/>); its steps appear one per <see cref="UpsSimulatorOptions.StepInterval"/> from the
/// first time the number is asked about, the first at once. Digit 7, a number not ending in a digit, or any number
/// the lifecycle has nothing for answers like UPS: HTTP 200 with warning TW0001. A number outside UPS's 7–34
/// characters gets 400 TV1002. Faults queued on <see cref="Faults"/> are served on tracking calls first.
/// </summary>
public sealed class UpsSimulator(UpsSimulatorOptions options, TimeProvider time) : ICarrierSimulator
{
    private readonly UpsSimulatorTokens _tokens = new(time, options.TokenLifetime);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _transactionIds = new();

    public string PathPrefix => "/ups";

    /// <summary>Faults to serve on the next tracking calls, and the count of token and tracking calls.</summary>
    public FaultQueue Faults { get; } = new();

    /// <summary>Every <c>transId</c> received on tracking calls, in order (UPS wants one per request).</summary>
    public IReadOnlyCollection<string> TransactionIds => _transactionIds;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/security/v1/oauth/token", (Delegate)IssueToken);
        routes.MapGet("/api/track/v1/details/{inquiryNumber}", (Delegate)TrackAsync);
    }

    private async Task<IResult> IssueToken(HttpContext context)
    {
        Faults.CountTokenCall();
        if (!HasClientCredentials(context.Request))
        {
            return Json(StatusCodes.Status401Unauthorized, UpsTrackingRenderer.Error("10401", "ClientId is Invalid"));
        }
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (form?["grant_type"].ToString() != "client_credentials")
        {
            return Json(StatusCodes.Status400BadRequest, UpsTrackingRenderer.Error("10400", "Invalid/Missing grant_type"));
        }
        var now = time.GetUtcNow();
        return Json(StatusCodes.Status200OK, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["issued_at"] = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["client_id"] = options.ClientId,
            ["access_token"] = _tokens.Issue(),
            ["scope"] = "",
            // A string, as UPS documents it.
            ["expires_in"] = ((long)options.TokenLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["refresh_count"] = "0",
            ["status"] = "approved",
        });
    }

    private async Task<IResult> TrackAsync(HttpContext context, string inquiryNumber)
    {
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                return Json(StatusCodes.Status401Unauthorized, UpsTrackingRenderer.Error("250002", "Invalid Authentication Information."));
            case SimulatorFault.TooManyRequests:
                // carriers.md l.108: UPS answers 429 without rate headers (no Retry-After either).
                return Json(StatusCodes.Status429TooManyRequests, UpsTrackingRenderer.Error("429", "Quota Limit Exceeded"));
            case SimulatorFault.ServerError:
                return Json(StatusCodes.Status503ServiceUnavailable, UpsTrackingRenderer.Error("503", "Service Unavailable"));
            case SimulatorFault.Hang:
                await HangAsync(context);
                return Results.Empty;
            case SimulatorFault.MalformedBody:
                return Results.Content("{\"trackResponse\":{\"shipment\":[{\"package\":[{\"activity\":[", "application/json", Encoding.UTF8);
        }

        var bearer = AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var auth) && auth.Scheme == "Bearer" ? auth.Parameter : null;
        if (!_tokens.IsValid(bearer))
        {
            return Json(StatusCodes.Status401Unauthorized, UpsTrackingRenderer.Error("250002", "Invalid Authentication Information."));
        }
        var transId = context.Request.Headers["transId"].ToString();
        if (transId.Length == 0 || context.Request.Headers["transactionSrc"].ToString().Length == 0)
        {
            // The simulator's own code: UPS rejects such calls too, but its code for it is not documented.
            return Json(StatusCodes.Status400BadRequest, UpsTrackingRenderer.Error("SIM0001", "Missing transId or transactionSrc header"));
        }
        _transactionIds.Enqueue(transId);
        if (inquiryNumber.Length is < 7 or > 34)
        {
            return Json(StatusCodes.Status400BadRequest, UpsTrackingRenderer.Error("TV1002", "Invalid inquiry number"));
        }
        return Json(StatusCodes.Status200OK, Answer(inquiryNumber, context.Request.Query["returnSignature"].ToString() == "true"));
    }

    private JsonObject Answer(string number, bool withSignature)
    {
        if (!char.IsAsciiDigit(number[^1]))
        {
            return UpsTrackingRenderer.NotFound(number);
        }
        var scenario = SandboxScenarios.ForDigit(number[^1] - '0');
        if (scenario.Steps.Count == 0)
        {
            return UpsTrackingRenderer.NotFound(number);
        }
        var now = time.GetUtcNow();
        var firstSeen = _firstSeen.GetOrAdd(number, now);
        var visible = (int)Math.Min(scenario.Steps.Count, 1 + (now - firstSeen).Ticks / options.StepInterval.Ticks);
        return UpsTrackingRenderer.Render(number, scenario, visible, firstSeen, options, withSignature);
    }

    private bool HasClientCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var auth) || auth.Scheme != "Basic" || auth.Parameter is null)
        {
            return false;
        }
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth.Parameter));
            return pair == $"{options.ClientId}:{options.ClientSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

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

    private static IResult Json(int status, JsonObject body) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);
}
