using System.Security.Cryptography;
using System.Text;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Carriers.Sandbox;

/// <summary>
/// The embedded carrier: a parcel's scans are a pure function of its number, its registration time and the clock, so
/// the same answer comes back after a restart and every poll looks like a real carrier's full history.
/// </summary>
public sealed class SandboxCarrier(IOptions<SandboxOptions> options, TimeProvider time) : ICarrierClient
{
    private const string TrackingPage = "https://tracking.sandbox.invalid/";

    public string Code => CarrierCodes.Sandbox;

    public TimeSpan? Cadence => options.Value.StepInterval;

    public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
    {
        if (!SandboxNumber.IsSandbox(request.TrackingNumber))
        {
            return Task.FromResult(CarrierResult.Failure($"'{request.TrackingNumber}' is not a sandbox number.", transient: false));
        }
        var scenario = SandboxNumber.ScenarioOf(request.TrackingNumber);
        var step = options.Value.StepInterval;
        var elapsedSteps = (time.GetUtcNow() - request.RegisteredAt).Ticks / step.Ticks;
        // Step k happens k+1 intervals after registration, so a new parcel is "not found" until its first scan.
        var visible = (int)Math.Clamp(elapsedSteps, 0, scenario.Steps.Count);
        if (visible == 0)
        {
            return Task.FromResult(CarrierResult.Success(CarrierSnapshot.NotFound() with { PayloadSha256 = Hash(request, 0) }));
        }

        var events = new List<TrackingEvent>(visible + 1);
        var slipDays = 0;
        for (var k = 0; k < visible; k++)
        {
            var s = scenario.Steps[k];
            slipDays += s.EtaSlipDays;
            events.Add(new TrackingEvent(
                request.RegisteredAt + step * (k + 1), s.Status, s.Detail, s.Description, s.RawCode, s.Location,
                "sandbox", default));
        }
        if (scenario.ScrambleReports)
        {
            events.Add(events[^1] with { Description = events[^1].Description.ToUpperInvariant() });
        }
        else
        {
            events.Reverse();
        }

        var eta = request.RegisteredAt + step * (scenario.Steps.Count + 1) + TimeSpan.FromDays(1 + slipDays);
        var snapshot = new CarrierSnapshot(
            Status: null,
            Events: events,
            // A day, not an instant: the sandbox promises dates only.
            EstimatedDelivery: DateOnlyPromise.Of(DateOnly.FromDateTime(eta.UtcDateTime)),
            TrackingUrl: TrackingPage + request.TrackingNumber,
            PayloadSha256: Hash(request, visible));
        return Task.FromResult(CarrierResult.Success(snapshot));
    }

    private static string Hash(CarrierRequest request, int visible) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.TrackingNumber}|{request.RegisteredAt.UtcTicks}|{visible}")));
}
