using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogisticsLink.Sandbox.FedEx;

/// <summary>
/// FedEx Track API v1 on loopback: <c>POST {prefix}/oauth/token</c> and <c>POST {prefix}/track/v1/trackingnumbers</c>.
/// A number of 12 to 34 digits plays the sandbox lifecycle of its last digit, one scan per step interval from the
/// moment the simulator first sees it; digit 7 and anything else is unknown (a per-number NOTFOUND error at HTTP 200);
/// <see cref="DuplicateTrackingNumber"/> comes back as two shipments, as FedEx does for a reused number;
/// <see cref="RunningLateTrackingNumber"/> is running late in FedEx's summary while in transit.
/// </summary>
public sealed class FedExSimulator : ICarrierSimulator
{
    /// <summary>Answers with two trackResults: a shipment from 90 days ago and a current normal delivery.</summary>
    public const string DuplicateTrackingNumber = "700000000010";

    /// <summary>
    /// Plays scenario 0, but until it is out for delivery FedEx's summary says it is running late (derived code RL,
    /// <c>delayDetail.status</c> DELAYED) while its scans stay ordinary (carriers.md l.143, l.164).
    /// </summary>
    public const string RunningLateTrackingNumber = "700000000020";

    private const int MaxNumbersPerRequest = 30;

    private readonly FedExSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly FedExSimulatorTokens _tokens;
    private readonly FedExTrackResultRenderer _renderer;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public FedExSimulator(FedExSimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _tokens = new FedExSimulatorTokens(time);
        _renderer = new FedExTrackResultRenderer(options);
    }

    public string PathPrefix => "/fedex";

    /// <summary>Faults to serve on the next tracking calls; also counts tracking and token calls.</summary>
    public FaultQueue Faults { get; } = new();

    /// <param name="routes">Already scoped to <see cref="PathPrefix"/> (a route group), as the host maps every simulator.</param>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", IssueTokenAsync);
        routes.MapPost("/track/v1/trackingnumbers", TrackAsync);
    }

    private async Task IssueTokenAsync(HttpContext context)
    {
        Faults.CountTokenCall();
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (form is null || form["grant_type"] != "client_credentials" ||
            form["client_id"] != _options.ClientId || form["client_secret"] != _options.ClientSecret)
        {
            await Errors(context, StatusCodes.Status401Unauthorized, "NOT.AUTHORIZED.ERROR",
                "The given client credentials were not valid. Please modify your request and try again.");
            return;
        }
        await Json(context, StatusCodes.Status200OK, new JsonObject
        {
            ["access_token"] = _tokens.Issue(_options.TokenLifetime),
            ["token_type"] = "bearer",
            ["expires_in"] = (long)_options.TokenLifetime.TotalSeconds,
            ["scope"] = "CXS",
        });
    }

    private async Task TrackAsync(HttpContext context)
    {
        var token = Bearer(context);
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                _tokens.Revoke(token);
                await Errors(context, StatusCodes.Status401Unauthorized, "NOT.AUTHORIZED.ERROR", "Access token expired. Please modify your request and try again.");
                return;
            // carriers.md l.170: FedEx's 429s (the 10-second rate limit, the daily quota) name no Retry-After; the daily
            // one says when in its text. The reference gives no error code for 429: this one follows FedEx's pattern.
            case SimulatorFault.TooManyRequests:
                await Errors(context, StatusCodes.Status429TooManyRequests, "TOO.MANY.REQUESTS.ERROR", "We have received too many requests in a short duration. Please wait a while to try again.");
                return;
            case SimulatorFault.DailyQuotaExceeded:
                await Errors(context, StatusCodes.Status429TooManyRequests, "TOO.MANY.REQUESTS.ERROR", "Too many requests – Daily transaction quota exceeded. Retry after 12:00AM GMT");
                return;
            case SimulatorFault.ServerError:
                await Errors(context, StatusCodes.Status503ServiceUnavailable, "SERVICE.UNAVAILABLE.ERROR", "The service is currently unavailable and we are working to resolve the issue.");
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
                await context.Response.WriteAsync("{\"transactionId\":\"sim\",\"output\":{\"completeTrackResults\":[{\"trackingNumber\":", context.RequestAborted);
                return;
        }
        if (!_tokens.IsValid(token))
        {
            await Errors(context, StatusCodes.Status401Unauthorized, "NOT.AUTHORIZED.ERROR", "Access token expired. Please modify your request and try again.");
            return;
        }

        var numbers = await ReadNumbersAsync(context);
        if (numbers is null || numbers.Count == 0 || numbers.Any(string.IsNullOrWhiteSpace))
        {
            await Errors(context, StatusCodes.Status400BadRequest, "TRACKING.TRACKINGNUMBER.EMPTY", "Please provide tracking number.");
            return;
        }
        if (numbers.Count > MaxNumbersPerRequest)
        {
            // FedEx's exact code for this case is not in the reference; the limit itself is documented.
            await Errors(context, StatusCodes.Status400BadRequest, "BAD.REQUEST.ERROR", "Up to 30 tracking numbers can be tracked per request.");
            return;
        }
        var complete = new JsonArray();
        foreach (var number in numbers)
        {
            complete.Add(new JsonObject { ["trackingNumber"] = number, ["trackResults"] = new JsonArray([.. Results(number)]) });
        }
        await Json(context, StatusCodes.Status200OK, new JsonObject
        {
            ["transactionId"] = Guid.NewGuid().ToString(),
            ["customerTransactionId"] = context.Request.Headers["x-customer-transaction-id"].ToString(),
            ["output"] = new JsonObject { ["completeTrackResults"] = complete },
        });
    }

    private IEnumerable<JsonObject> Results(string number)
    {
        if (number.Length is < 12 or > 34 || number.Any(c => c is < '0' or > '9') || number[^1] == '7')
        {
            yield return FedExTrackResultRenderer.NotFound(number);
            yield break;
        }
        var now = _time.GetUtcNow();
        var firstSeen = _firstSeen.GetOrAdd(number, now);
        var scenario = SandboxScenarios.ForDigit(number[^1] - '0');
        if (number == DuplicateTrackingNumber)
        {
            // The number's earlier life: a finished delivery months ago. Listed first, as the adapter must not rely on order.
            var earlier = firstSeen - TimeSpan.FromDays(90);
            yield return _renderer.Render(number, scenario, earlier, earlier + TimeSpan.FromDays(1), Unique(earlier, number));
        }
        yield return _renderer.Render(number, scenario, firstSeen, now, Unique(firstSeen, number), runsLate: number == RunningLateTrackingNumber);
    }

    private static string Unique(DateTimeOffset firstSeen, string number) =>
        $"{firstSeen.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}~{number}~FX";

    private static async Task<List<string>?> ReadNumbersAsync(HttpContext context)
    {
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return body?["trackingInfo"] is JsonArray infos
                ? [.. infos.Select(i => i?["trackingNumberInfo"]?["trackingNumber"]?.GetValue<string>() ?? "")]
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static Task Errors(HttpContext context, int status, string code, string message) => Json(context, status, new JsonObject
    {
        ["transactionId"] = Guid.NewGuid().ToString(),
        ["errors"] = new JsonArray { new JsonObject { ["code"] = code, ["message"] = message } },
    });

    private static async Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
