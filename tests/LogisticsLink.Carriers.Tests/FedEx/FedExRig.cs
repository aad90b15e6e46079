using LogisticsLink.Carriers.FedEx;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Sandbox.FedEx;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Carriers.Tests.FedEx;

/// <summary>A FedEx simulator on loopback Kestrel and a client pointed at it.</summary>
internal sealed class FedExRig : SimulatorRig<FedExSimulator, FedExClient>
{
    private FedExRig(Parts parts) : base(parts)
    {
    }

    public static async Task<FedExRig> StartAsync(Action<CarrierOptions>? configure = null, bool realClientClock = false, string? secret = null) =>
        new(await StartPartsAsync(
            time => new FedExSimulator(new FedExSimulatorOptions { StepInterval = Step }, time),
            o => (o.ClientId, o.ClientSecret) = (new FedExSimulatorOptions().ClientId, secret ?? new FedExSimulatorOptions().ClientSecret),
            (http, o, clock) => new FedExClient(http, o, clock, NullLogger<FedExClient>.Instance),
            configure, realClientClock));

    /// <summary>Tracks several numbers in one batch; a test that would hang fails after a generous bound instead.</summary>
    public Task<IReadOnlyList<CarrierResult>> TrackManyAsync(IReadOnlyList<string> numbers) =>
        Client.TrackManyAsync([.. numbers.Select(n => new CarrierRequest(n, Start))], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
}
