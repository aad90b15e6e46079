using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.LaPoste;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Sandbox.LaPoste;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Carriers.Tests.LaPoste;

/// <summary>A La Poste simulator on loopback Kestrel and a client pointed at it.</summary>
internal sealed class LaPosteRig : SimulatorRig<LaPosteSimulator, LaPosteClient>
{
    private LaPosteRig(Parts parts) : base(parts)
    {
    }

    public static async Task<LaPosteRig> StartAsync(Action<CarrierOptions>? configure = null, bool realClientClock = false, string? apiKey = null) =>
        new(await StartPartsAsync(
            time => new LaPosteSimulator(new LaPosteSimulatorOptions { StepInterval = Step }, time),
            o => o.ApiKey = apiKey ?? new LaPosteSimulatorOptions().ApiKey,
            (http, o, clock) => new LaPosteClient(http, o, clock, NullLogger<LaPosteClient>.Instance),
            configure, realClientClock));
}
