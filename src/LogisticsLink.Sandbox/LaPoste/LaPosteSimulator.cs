using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogisticsLink.Sandbox.LaPoste;

/// <summary>
/// La Poste Suivi v2 on loopback: <c>GET {prefix}/suivi/v2/idships/{ids}?lang=…</c> with <c>X-Okapi-Key</c>.
/// An id of 11 to 15 letters and digits plays the sandbox lifecycle of its last digit, one event per step interval
/// from the moment the simulator first sees it; digit 7, or an id without a digit, is unknown (returnCode 104).
/// One id answers 200 with an array of one envelope (404 or 400 with a bare envelope when unknown or invalid);
/// several ids answer 207 with one envelope each, as La Poste does.
/// </summary>
public sealed class LaPosteSimulator : ICarrierSimulator
{
    private const int MaxIdsPerRequest = 10;

    private readonly LaPosteSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly LaPosteShipmentRenderer _renderer;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public LaPosteSimulator(LaPosteSimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _renderer = new LaPosteShipmentRenderer(options);
    }

    public string PathPrefix => "/laposte";

    /// <summary>Faults to serve on the next tracking calls; also counts tracking calls.</summary>
    public FaultQueue Faults { get; } = new();

    /// <summary>The ids asked in each tracking call, in order (tests check the batching).</summary>
    public ConcurrentQueue<IReadOnlyList<string>> Calls { get; } = new();

    /// <param name="routes">Already scoped to <see cref="PathPrefix"/> (a route group), as the host maps every simulator.</param>
    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/suivi/v2/idships/{idship}", TrackAsync);

    private async Task TrackAsync(HttpContext context, string idship)
    {
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                await Json(context, StatusCodes.Status401Unauthorized, new JsonObject { ["code"] = "UNAUTHORIZED", ["message"] = "HMAC verification failed" });
                return;
            case SimulatorFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                await Json(context, StatusCodes.Status429TooManyRequests, new JsonObject { ["code"] = "TOO_MANY_REQUESTS", ["message"] = "Quota exceeded" });
                return;
            case SimulatorFault.ServerError:
                await Json(context, StatusCodes.Status503ServiceUnavailable, new JsonObject { ["code"] = "SERVICE_UNAVAILABLE", ["message"] = "Service unavailable" });
                return;
            case SimulatorFault.Hang:
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, _time, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should.
                }
                return;
            case SimulatorFault.MalformedBody:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("[{\"lang\":\"en_GB\",\"scope\":\"open\",\"returnCode\":200,\"shipment\":{\"idShip\":", context.RequestAborted);
                return;
        }
        if (context.Request.Headers["X-Okapi-Key"] != _options.ApiKey)
        {
            await Json(context, StatusCodes.Status401Unauthorized, new JsonObject { ["code"] = "UNAUTHORIZED", ["message"] = "HMAC verification failed" });
            return;
        }
        var lang = context.Request.Query["lang"].ToString() is { Length: > 0 } asked ? asked : "fr_FR";
        var ids = idship.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Calls.Enqueue(ids);
        if (ids.Length is 0 or > MaxIdsPerRequest)
        {
            await Json(context, StatusCodes.Status400BadRequest, LaPosteShipmentRenderer.Invalid(idship, lang));
            return;
        }
        var envelopes = ids.Select(id => Envelope(id, lang)).ToList();
        if (ids.Length > 1)
        {
            await Json(context, StatusCodes.Status207MultiStatus, new JsonArray([.. envelopes]));
            return;
        }
        var single = envelopes[0];
        switch ((int)single["returnCode"]!)
        {
            case 200:
                await Json(context, StatusCodes.Status200OK, new JsonArray(single));
                return;
            case 104:
                await Json(context, StatusCodes.Status404NotFound, single);
                return;
            default:
                await Json(context, StatusCodes.Status400BadRequest, single);
                return;
        }
    }

    private JsonObject Envelope(string id, string lang)
    {
        if (id.Length is < 11 or > 15 || !id.All(char.IsAsciiLetterOrDigit))
        {
            return LaPosteShipmentRenderer.Invalid(id, lang);
        }
        var digit = id.LastOrDefault(char.IsAsciiDigit);
        if (digit is '\0' or '7')
        {
            return LaPosteShipmentRenderer.NotFound(id, lang);
        }
        var now = _time.GetUtcNow();
        var firstSeen = _firstSeen.GetOrAdd(id, now);
        return _renderer.Render(id, lang, SandboxScenarios.ForDigit(digit - '0'), firstSeen, now);
    }

    private static async Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
