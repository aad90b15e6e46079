using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Sandbox.Amazon;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Carriers.Tests.Amazon;

/// <summary>An Amazon simulator on loopback Kestrel and a client pointed at it.</summary>
internal sealed class AmazonRig : SimulatorRig<AmazonSimulator, AmazonClient>
{
    private AmazonRig(Parts parts) : base(parts)
    {
    }

    public static async Task<AmazonRig> StartAsync(Action<CarrierOptions>? configure = null, bool realClientClock = false, string? refreshToken = null) =>
        new(await StartPartsAsync(
            time => new AmazonSimulator(new AmazonSimulatorOptions { StepInterval = Step }, time),
            o =>
            {
                var defaults = new AmazonSimulatorOptions();
                (o.ClientId, o.ClientSecret, o.ApiKey) = (defaults.ClientId, defaults.ClientSecret, refreshToken ?? defaults.RefreshToken);
            },
            (http, o, clock) => new AmazonClient(http, o, clock, NullLogger<AmazonClient>.Instance),
            configure, realClientClock));
}
