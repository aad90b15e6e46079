using LogisticsLink.Carriers.Dpd;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Sandbox.Dpd;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Carriers.Tests.Dpd;

/// <summary>A DPD simulator on loopback Kestrel and a client pointed at it.</summary>
internal sealed class DpdRig : SimulatorRig<DpdSimulator, DpdClient>
{
    private DpdRig(Parts parts) : base(parts)
    {
    }

    public static async Task<DpdRig> StartAsync(Action<CarrierOptions>? configure = null, bool realClientClock = false, string? password = null) =>
        new(await StartPartsAsync(
            time => new DpdSimulator(new DpdSimulatorOptions { StepInterval = Step }, time),
            o => (o.ClientId, o.ClientSecret) = (new DpdSimulatorOptions().DelisId, password ?? new DpdSimulatorOptions().Password),
            (http, o, clock) => new DpdClient(http, o, clock, NullLogger<DpdClient>.Instance),
            configure, realClientClock));
}
