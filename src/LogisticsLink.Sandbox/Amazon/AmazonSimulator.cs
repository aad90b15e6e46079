using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogisticsLink.Sandbox.Amazon;

/// <summary>
/// Login with Amazon and SP-API Shipping v2 tracking on loopback: <c>POST {prefix}/auth/o2/token</c> (refresh-token
/// grant) and <c>GET {prefix}/shipping/v2/tracking?trackingId&amp;carrierId</c> with the token in
/// <c>x-amz-access-token</c>. A tracking id ending in a digit plays the sandbox lifecycle of that digit, one event
/// per <see cref="AmazonSimulatorOptions.StepInterval"/> from the first time it is asked about; digit 7 or any other
/// id answers 404 NotFound. A missing or revoked token answers 403, as SP-API does for expired tokens. Faults queued
/// on <see cref="Faults"/> are served on tracking calls first.
/// </summary>
public sealed class AmazonSimulator : ICarrierSimulator
{
    private readonly AmazonSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly AmazonSimulatorTokens _tokens;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _businessIds = new();

    public AmazonSimulator(AmazonSimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _tokens = new AmazonSimulatorTokens(time);
    }

    public string PathPrefix => "/amazon";

    /// <summary>Faults to serve on the next tracking calls, and the count of token and tracking calls.</summary>
    public FaultQueue Faults { get; } = new();

    /// <summary>The <c>x-amzn-shipping-business-id</c> of every tracking call ("" when absent), in order.</summary>
    public IReadOnlyCollection<string> BusinessIds => _businessIds;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/auth/o2/token", (Delegate)IssueTokenAsync);
        routes.MapGet("/shipping/v2/tracking", (Delegate)TrackAsync);
    }

    private async Task<IResult> IssueTokenAsync(HttpContext context)
    {
        Faults.CountTokenCall();
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (form is null || form["grant_type"] != "refresh_token")
        {
            return Json(StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "unsupported_grant_type", ["error_description"] = "Invalid grant_type" });
        }
        if (form["client_id"] != _options.ClientId || form["client_secret"] != _options.ClientSecret)
        {
            return Json(StatusCodes.Status401Unauthorized, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Client authentication failed" });
        }
        if (form["refresh_token"] != _options.RefreshToken)
        {
            return Json(StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "The request has an invalid grant parameter : refresh_token" });
        }
        return Json(StatusCodes.Status200OK, new JsonObject
        {
            ["access_token"] = _tokens.Issue(_options.TokenLifetime),
            ["refresh_token"] = _options.RefreshToken,
            ["token_type"] = "bearer",
            ["expires_in"] = (long)_options.TokenLifetime.TotalSeconds,
        });
    }

    private async Task<IResult> TrackAsync(HttpContext context)
    {
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        var token = context.Request.Headers["x-amz-access-token"].ToString();
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                _tokens.Revoke(token);
                return Json(StatusCodes.Status403Forbidden, AmazonTrackingRenderer.Error("Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired."));
            case SimulatorFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                return Json(StatusCodes.Status429TooManyRequests, AmazonTrackingRenderer.Error("TooManyRequests", "The total number of requests exceeded your allowed limit."));
            case SimulatorFault.ServerError:
                return Json(StatusCodes.Status503ServiceUnavailable, AmazonTrackingRenderer.Error("ServiceUnavailable", "Service temporarily unavailable or down for maintenance. Please try again after sometime."));
            case SimulatorFault.Hang:
                await HangAsync(context);
                return Results.Empty;
            case SimulatorFault.MalformedBody:
                return Results.Content("{\"payload\":{\"trackingId\":\"sim\",\"eventHistory\":[{\"eventCode\":", "application/json", Encoding.UTF8);
        }
        if (!_tokens.IsValid(token))
        {
            return Json(StatusCodes.Status403Forbidden, AmazonTrackingRenderer.Error("Unauthorized", "Access to requested resource is denied.", "The access token you provided is revoked, malformed or invalid."));
        }
        _businessIds.Enqueue(context.Request.Headers["x-amzn-shipping-business-id"].ToString());
        context.Response.Headers["x-amzn-RateLimit-Limit"] = "80.0";
        var trackingId = context.Request.Query["trackingId"].ToString();
        var carrierId = context.Request.Query["carrierId"].ToString();
        if (trackingId.Length == 0 || carrierId.Length == 0)
        {
            return Json(StatusCodes.Status400BadRequest, AmazonTrackingRenderer.Error("InvalidRequest", "Request is missing or has invalid parameters",
                trackingId.Length == 0 ? "TrackingId is missing in the request" : "CarrierId is missing in the request"));
        }
        var scenario = char.IsAsciiDigit(trackingId[^1]) ? SandboxScenarios.ForDigit(trackingId[^1] - '0') : null;
        if (scenario is null || scenario.Steps.Count == 0)
        {
            return Json(StatusCodes.Status404NotFound, AmazonTrackingRenderer.Error("NotFound", "The requested resource is invalid or doesn't exist"));
        }
        var now = _time.GetUtcNow();
        var firstSeen = _firstSeen.GetOrAdd(carrierId + ":" + trackingId, now);
        var visible = (int)Math.Min(scenario.Steps.Count, 1 + (now - firstSeen).Ticks / _options.StepInterval.Ticks);
        return Json(StatusCodes.Status200OK, AmazonTrackingRenderer.Render(trackingId, scenario, visible, firstSeen, _options.StepInterval));
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
