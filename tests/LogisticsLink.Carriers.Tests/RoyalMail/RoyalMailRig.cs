using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.RoyalMail;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Sandbox.RoyalMail;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Carriers.Tests.RoyalMail;

/// <summary>A Royal Mail simulator on loopback Kestrel and a client pointed at it.</summary>
internal sealed class RoyalMailRig : SimulatorRig<RoyalMailSimulator, RoyalMailClient>
{
    private RoyalMailRig(Parts parts) : base(parts)
    {
    }

    public static async Task<RoyalMailRig> StartAsync(Action<CarrierOptions>? configure = null, bool realClientClock = false, string? secret = null) =>
        new(await StartPartsAsync(
            time => new RoyalMailSimulator(new RoyalMailSimulatorOptions { StepInterval = Step }, time),
            o => (o.ClientId, o.ClientSecret) = (new RoyalMailSimulatorOptions().ClientId, secret ?? new RoyalMailSimulatorOptions().ClientSecret),
            (http, o, clock) => new RoyalMailClient(http, o, clock, NullLogger<RoyalMailClient>.Instance),
            configure, realClientClock));
}
