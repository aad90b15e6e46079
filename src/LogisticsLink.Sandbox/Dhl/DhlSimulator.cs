using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogisticsLink.Sandbox.Dhl;

/// <summary>
/// DHL Shipment Tracking – Unified on loopback: <c>GET {prefix}/track/shipments?trackingNumber=…</c> with the consumer
/// key in the <c>DHL-API-Key</c> header. A number's last digit picks the sandbox lifecycle, one step per
/// <see cref="DhlSimulatorOptions.StepInterval"/> from the first time the number is asked about; digit 7 or a number
/// not ending in a digit answers 404 problem+json "No result found". <see cref="DuplicateTrackingNumber"/> comes back as
/// two shipments of two divisions, as DHL answers without a service hint. Faults queued on <see cref="Faults"/> are
/// served first.
/// </summary>
public sealed class DhlSimulator(DhlSimulatorOptions options, TimeProvider time) : ICarrierSimulator
{
    /// <summary>Answers with an express shipment delivered 90 days ago, then the current parcel-de one.</summary>
    public const string DuplicateTrackingNumber = "340434161010";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _queries = new();

    public string PathPrefix => "/dhl";

    /// <summary>Faults to serve on the next tracking calls, and the count of tracking calls.</summary>
    public FaultQueue Faults { get; } = new();

    /// <summary>The query string of every tracking call, in order.</summary>
    public IReadOnlyCollection<string> Queries => _queries;

    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/track/shipments", (Delegate)TrackAsync);

    private async Task<IResult> TrackAsync(HttpContext context)
    {
        var path = context.Request.Path + context.Request.QueryString;
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Invalid API key.", path);
            case SimulatorFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                return Problem(StatusCodes.Status429TooManyRequests, "Too Many Requests", "Rate limit exceeded.", path);
            case SimulatorFault.ServerError:
                return Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The service is temporarily unavailable.", path);
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
                return Results.Content("{\"shipments\":[{\"id\":\"", "application/json", Encoding.UTF8);
        }

        if (context.Request.Headers["DHL-API-Key"].ToString() != options.ApiKey)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Invalid API key.", path);
        }
        _queries.Enqueue(context.Request.QueryString.ToString());
        var number = context.Request.Query["trackingNumber"].ToString();
        if (number.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad Request", "The parameter trackingNumber is required.", path);
        }
        if (!char.IsAsciiDigit(number[^1]) || SandboxScenarios.ForDigit(number[^1] - '0') is not { Steps.Count: > 0 } scenario)
        {
            return Problem(StatusCodes.Status404NotFound, "No result found", "No shipment with given tracking number found.", path);
        }
        var now = time.GetUtcNow();
        var firstSeen = _firstSeen.GetOrAdd(number, now);
        var visible = (int)Math.Min(scenario.Steps.Count, 1 + (now - firstSeen).Ticks / options.StepInterval.Ticks);
        var current = DhlShipmentRenderer.Render(number, scenario, visible, firstSeen, options);
        var body = number == DuplicateTrackingNumber
            ? DhlShipmentRenderer.Envelope(number,
                DhlShipmentRenderer.Render(number, scenario, scenario.Steps.Count, firstSeen - TimeSpan.FromDays(90), options, service: "express"),
                current)
            : DhlShipmentRenderer.Envelope(number, current);
        return Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static IResult Problem(int status, string title, string detail, string instance) =>
        Results.Content(DhlShipmentRenderer.Problem(status, title, detail, instance).ToJsonString(), "application/problem+json", Encoding.UTF8, status);
}
