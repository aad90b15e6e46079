using LogisticsLink.Carriers.Http;
using LogisticsLink.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.Support;

/// <summary>
/// A carrier's simulator on loopback Kestrel and its client pointed at it. The simulator's clock is always fake (parcels
/// move when a test advances it); the client's is the same fake clock unless a test needs real waiting (Polly's retry
/// delays and timeouts run on the client's clock). Each carrier's rig says how to build its simulator and client.
/// </summary>
internal abstract class SimulatorRig<TSimulator, TClient> : IAsyncDisposable
    where TSimulator : ICarrierSimulator
    where TClient : ICarrierClient
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    private readonly LoopbackSimulatorHost _host;
    private readonly HttpClient _http;

    protected SimulatorRig(Parts parts) =>
        (_host, _http, Simulator, Time, Client) = (parts.Host, parts.Http, parts.Simulator, parts.Time, parts.Client);

    public TSimulator Simulator { get; }
    public FakeTimeProvider Time { get; }
    public TClient Client { get; }

    protected sealed record Parts(LoopbackSimulatorHost Host, HttpClient Http, TSimulator Simulator, FakeTimeProvider Time, TClient Client);

    /// <param name="credentials">Sets the credentials the simulator accepts (or a test's wrong ones).</param>
    /// <param name="realClientClock">Run the client on the system clock (retry delays and timeouts really elapse).</param>
    protected static async Task<Parts> StartPartsAsync(
        Func<FakeTimeProvider, TSimulator> createSimulator,
        Action<CarrierOptions> credentials,
        Func<HttpClient, CarrierOptions, TimeProvider, TClient> createClient,
        Action<CarrierOptions>? configure,
        bool realClientClock)
    {
        var time = new FakeTimeProvider(Start);
        var simulator = createSimulator(time);
        var host = await LoopbackSimulatorHost.StartAsync(simulator);
        var options = new CarrierOptions { BaseUrl = host.BaseUrlOf(simulator), MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(10) };
        credentials(options);
        configure?.Invoke(options);
        var http = new HttpClient();
        return new Parts(host, http, simulator, time, createClient(http, options, realClientClock ? TimeProvider.System : time));
    }

    /// <summary>Tracks one number; a test that would hang fails after a generous bound instead.</summary>
    public Task<CarrierResult> TrackAsync(string number) =>
        Client.TrackAsync(new CarrierRequest(number, Start), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>
    /// The number as it looks <paramref name="steps"/> step intervals after the simulator first saw it (a first call
    /// at the start makes it known: the simulator's clock for a number starts there).
    /// </summary>
    public async Task<CarrierResult> TrackAtStepAsync(string number, int steps)
    {
        var first = await TrackAsync(number);
        if (steps == 0)
        {
            return first;
        }
        Time.Advance(Step * steps);
        return await TrackAsync(number);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }
}
