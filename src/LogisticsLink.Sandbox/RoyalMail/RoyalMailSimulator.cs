using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogisticsLink.Sandbox.RoyalMail;

/// <summary>
/// Royal Mail Tracking API v2 on loopback: <c>GET {prefix}/mailpieces/v2/{id}/events</c>,
/// <c>GET {prefix}/mailpieces/v2/summary?mailPieceId=a,b,…</c> (≤ 30) and <c>GET {prefix}/mailpieces/v2/{id}/signature</c>,
/// each requiring <c>X-IBM-Client-Id</c>, <c>X-IBM-Client-Secret</c> and <c>X-Accept-RMG-Terms: yes</c>.
/// A barcode or mail piece id plays the sandbox lifecycle of its last digit, one event per step interval from the
/// moment the simulator first sees it; digit 7, or an id without a digit, is not recognised (E1142 at HTTP 400).
/// </summary>
public sealed class RoyalMailSimulator : ICarrierSimulator
{
    private const int MaxIdsPerSummary = 30;

    private readonly RoyalMailSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly RoyalMailMailPieceRenderer _renderer;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public RoyalMailSimulator(RoyalMailSimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _renderer = new RoyalMailMailPieceRenderer(options);
    }

    public string PathPrefix => "/royalmail";

    /// <summary>Faults to serve on the next tracking calls; also counts tracking calls.</summary>
    public FaultQueue Faults { get; } = new();

    /// <param name="routes">Already scoped to <see cref="PathPrefix"/> (a route group), as the host maps every simulator.</param>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/mailpieces/v2/summary", SummaryAsync);
        routes.MapGet("/mailpieces/v2/{mailPieceId}/events", EventsAsync);
        routes.MapGet("/mailpieces/v2/{mailPieceId}/signature", SignatureAsync);
    }

    private async Task EventsAsync(HttpContext context, string mailPieceId)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }
        var scenario = Scenario(mailPieceId);
        if (scenario is null)
        {
            await Json(context, StatusCodes.Status400BadRequest, ErrorBody(400, "Bad Request", RoyalMailMailPieceRenderer.NotRecognised(mailPieceId)));
            return;
        }
        await Json(context, StatusCodes.Status200OK, _renderer.Events(Play(mailPieceId, scenario), scenario.ScrambleReports));
    }

    private async Task SummaryAsync(HttpContext context)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }
        var ids = context.Request.Query["mailPieceId"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length is 0 or > MaxIdsPerSummary)
        {
            await Json(context, StatusCodes.Status400BadRequest, ErrorBody(400, "Bad Request", Error("E0013", "Maximum parameters exceeded",
                "More than 30 mail piece ids were supplied", "Supply between 1 and 30 mail piece ids")));
            return;
        }
        var pieces = ids.Select(id => Scenario(id) is { } scenario ? _renderer.SummaryEntry(id, Play(id, scenario)) : _renderer.SummaryEntry(id, null));
        await Json(context, StatusCodes.Status200OK, new JsonObject { ["mailPieces"] = new JsonArray([.. pieces]) });
    }

    private async Task SignatureAsync(HttpContext context, string mailPieceId)
    {
        if (!await AdmitAsync(context))
        {
            return;
        }
        var item = Scenario(mailPieceId) is { } scenario ? Play(mailPieceId, scenario) : null;
        if (item is not { Signed: true })
        {
            await Json(context, StatusCodes.Status404NotFound, ErrorBody(404, "Not Found", Error("E1144", "Proof of delivery is unavailable",
                "No signature has been captured for this item", "Try again once the item has been delivered")));
            return;
        }
        await Json(context, StatusCodes.Status200OK, _renderer.Signature(item));
    }

    /// <summary>Serves a queued fault or a credentials error; true when the call may be answered normally.</summary>
    private async Task<bool> AdmitAsync(HttpContext context)
    {
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                await Unauthorized(context);
                return false;
            case SimulatorFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                await Json(context, StatusCodes.Status429TooManyRequests, ErrorBody(429, "Too Many Requests",
                    Error("E0010", "Too many requests", "The rate limit of the application was exceeded", "Wait and resubmit")));
                return false;
            case SimulatorFault.ServerError:
                await Json(context, StatusCodes.Status503ServiceUnavailable, ErrorBody(503, "Service Unavailable",
                    Error("E0001", "Service unavailable", "The service is temporarily unavailable", "Please try again later")));
                return false;
            case SimulatorFault.Hang:
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, _time, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should.
                }
                return false;
            case SimulatorFault.MalformedBody:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"mailPieces\":{\"mailPieceId\":\"090367574000000FE1E1B\",\"events\":[{\"eventCode\":", context.RequestAborted);
                return false;
        }
        var headers = context.Request.Headers;
        if (headers["X-IBM-Client-Id"] != _options.ClientId || headers["X-IBM-Client-Secret"] != _options.ClientSecret)
        {
            await Unauthorized(context);
            return false;
        }
        if (!string.Equals(headers["X-Accept-RMG-Terms"], "yes", StringComparison.OrdinalIgnoreCase))
        {
            await Json(context, StatusCodes.Status400BadRequest, ErrorBody(400, "Bad Request", Error("E0004",
                "Failed header validation for X-Accept-RMG-Terms", "The submitted request was not valid against the required header definition",
                "Please check the API request against the required header definition and re-submit")));
            return false;
        }
        return true;
    }

    private RoyalMailMailPieceRenderer.Item Play(string id, SandboxScenario scenario)
    {
        var now = _time.GetUtcNow();
        return _renderer.Play(id, scenario, _firstSeen.GetOrAdd(id, now), now);
    }

    private static SandboxScenario? Scenario(string id)
    {
        if (id.Length is < 9 or > 40 || !id.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }
        var digit = id.LastOrDefault(char.IsAsciiDigit);
        return digit is '\0' or '7' ? null : SandboxScenarios.ForDigit(digit - '0');
    }

    // Royal Mail sends no errorCode with 401s: only httpCode, httpMessage and moreInformation.
    private static Task Unauthorized(HttpContext context) => Json(context, StatusCodes.Status401Unauthorized, new JsonObject
    {
        ["httpCode"] = "401", ["httpMessage"] = "Unauthorized", ["moreInformation"] = "Client id not registered.",
    });

    private static JsonObject ErrorBody(int httpCode, string httpMessage, JsonObject error) => new()
    {
        ["httpCode"] = httpCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["httpMessage"] = httpMessage,
        ["errors"] = new JsonArray(error),
    };

    private static JsonObject Error(string code, string description, string cause, string resolution) => new()
    {
        ["errorCode"] = code, ["errorDescription"] = description, ["errorCause"] = cause, ["errorResolution"] = resolution,
    };

    private static async Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
