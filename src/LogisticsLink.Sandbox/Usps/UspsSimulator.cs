using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogisticsLink.Sandbox.Usps;

/// <summary>
/// USPS's OAuth 2.0 and Tracking API v3 on loopback: <c>POST {prefix}/oauth2/v3/token</c> (JSON body) and
/// <c>GET {prefix}/tracking/v3/tracking/{trackingNumber}</c>. A number's last digit picks the sandbox lifecycle; its
/// steps appear one per <see cref="UspsSimulatorOptions.StepInterval"/> from the first time the number is asked about.
/// Digit 7 answers 404 "Tracking is not available"; a number not ending in a digit answers 400 with message code
/// 150002. A token without the <c>tracking</c> scope gets 401 "The client application identifier is invalid." on
/// tracking calls. Faults queued on <see cref="Faults"/> are served on tracking calls first.
/// </summary>
public sealed class UspsSimulator(UspsSimulatorOptions options, TimeProvider time) : ICarrierSimulator
{
    private readonly UspsSimulatorTokens _tokens = new(time, options.TokenLifetime);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requestedScopes = new();

    public string PathPrefix => "/usps";

    /// <summary>Faults to serve on the next tracking calls, and the count of token and tracking calls.</summary>
    public FaultQueue Faults { get; } = new();

    /// <summary>The <c>scope</c> of every token request, in order.</summary>
    public IReadOnlyCollection<string> RequestedScopes => _requestedScopes;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth2/v3/token", (Delegate)IssueTokenAsync);
        routes.MapGet("/tracking/v3/tracking/{trackingNumber}", (Delegate)TrackAsync);
    }

    private async Task<IResult> IssueTokenAsync(HttpContext context)
    {
        Faults.CountTokenCall();
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }
        string Field(string name) => body is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        _requestedScopes.Enqueue(Field("scope"));
        if (Field("grant_type") != "client_credentials")
        {
            return Json(StatusCodes.Status400BadRequest, OAuthError("unsupported_grant_type", "The authorization grant type is not supported."));
        }
        if (Field("client_id") != options.ClientId || Field("client_secret") != options.ClientSecret)
        {
            return Json(StatusCodes.Status401Unauthorized, OAuthError("invalid_client", "Client authentication failed."));
        }
        var now = time.GetUtcNow();
        return Json(StatusCodes.Status200OK, new JsonObject
        {
            ["access_token"] = _tokens.Issue(options.GrantedScopes),
            ["token_type"] = "Bearer",
            ["issued_at"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            // A string, as USPS sends it.
            ["expires_in"] = ((long)options.TokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["status"] = "approved",
            ["scope"] = options.GrantedScopes,
            ["issuer"] = "api.usps.com",
            ["client_id"] = options.ClientId,
            ["application_name"] = "logisticslink-sandbox",
            ["api_products"] = "[Public Access]",
            ["public_key"] = "c2FuZGJveA==",
        });
    }

    private async Task<IResult> TrackAsync(HttpContext context, string trackingNumber)
    {
        var bearer = AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var auth) && auth.Scheme == "Bearer" ? auth.Parameter : null;
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                _tokens.Revoke(bearer);
                return Unauthorized(context, "The access token expired.");
            case SimulatorFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                return Json(StatusCodes.Status429TooManyRequests, UspsTrackingRenderer.Error("429", "Exceeded quota limit. Please contact the API team to request a higher quota."));
            case SimulatorFault.ServerError:
                return Json(StatusCodes.Status503ServiceUnavailable, UspsTrackingRenderer.Error("503", "Service Unavailable"));
            case SimulatorFault.Hang:
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, time, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should.
                }
                return Results.Empty;
            case SimulatorFault.MalformedBody:
                return Results.Content("{\"trackingNumber\":\"" + trackingNumber + "\",\"trackingEvents\":[{\"eventType\":", "application/json", Encoding.UTF8);
        }

        var scopes = _tokens.ScopesOf(bearer);
        if (scopes is null)
        {
            return Unauthorized(context, "The access token is invalid or expired.");
        }
        if (!scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("tracking", StringComparer.Ordinal))
        {
            return Unauthorized(context, "The client application identifier is invalid.");
        }
        if (context.Request.Query["expand"].ToString() is var expand && !expand.Equals("DETAIL", StringComparison.OrdinalIgnoreCase))
        {
            // The simulator serves only the detail view; SUMMARY is a different shape the adapter never asks for.
            return Json(StatusCodes.Status400BadRequest, UspsTrackingRenderer.Error("400", $"expand '{expand}' is not served by the sandbox; use DETAIL"));
        }
        if (!char.IsAsciiDigit(trackingNumber[^1]))
        {
            return Json(StatusCodes.Status400BadRequest,
                UspsTrackingRenderer.MessageCode("150002", "The tracking number may be incorrect or the status update is not yet available."));
        }
        var scenario = SandboxScenarios.ForDigit(trackingNumber[^1] - '0');
        if (scenario.Steps.Count == 0)
        {
            return Json(StatusCodes.Status404NotFound, UspsTrackingRenderer.NotAvailable());
        }
        var now = time.GetUtcNow();
        var firstSeen = _firstSeen.GetOrAdd(trackingNumber, now);
        var visible = (int)Math.Min(scenario.Steps.Count, 1 + (now - firstSeen).Ticks / options.StepInterval.Ticks);
        return Json(StatusCodes.Status200OK, UspsTrackingRenderer.Render(trackingNumber, scenario, visible, firstSeen, options));
    }

    private static IResult Unauthorized(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"api.usps.com\", error=\"invalid_token\"";
        return Json(StatusCodes.Status401Unauthorized, UspsTrackingRenderer.Error("401", message));
    }

    private static JsonObject OAuthError(string error, string description) => new()
    {
        ["error"] = error,
        ["error_description"] = description,
        ["error_uri"] = "https://datatracker.ietf.org/doc/html/rfc6749#page-45",
    };

    private static IResult Json(int status, JsonObject body) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);
}
