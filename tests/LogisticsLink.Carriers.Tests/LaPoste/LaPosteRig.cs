using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.LaPoste;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Sandbox.LaPoste;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.LaPoste;

/// <summary>
/// A La Poste simulator on loopback Kestrel and a client pointed at it. The simulator's clock is always fake (parcels
/// move when a test advances it); the client's is the same fake clock unless a test needs real waiting (Polly's
/// retry delays and timeouts run on the client's clock).
/// </summary>
internal sealed class LaPosteRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    private readonly LoopbackSimulatorHost _host;
    private readonly HttpClient _http;

    private LaPosteRig(LoopbackSimulatorHost host, HttpClient http, LaPosteSimulator simulator, FakeTimeProvider time, LaPosteClient client)
    {
        (_host, _http, Simulator, Time, Client) = (host, http, simulator, time, client);
    }

    public LaPosteSimulator Simulator { get; }
    public FakeTimeProvider Time { get; }
    public LaPosteClient Client { get; }

    /// <param name="realClientClock">Run the client on the system clock (retry delays and timeouts really elapse).</param>
    public static async Task<LaPosteRig> StartAsync(Action<CarrierOptions>? configure = null, bool realClientClock = false, string? apiKey = null)
    {
        var time = new FakeTimeProvider(Start);
        var simulator = new LaPosteSimulator(new LaPosteSimulatorOptions { StepInterval = Step }, time);
        var host = await LoopbackSimulatorHost.StartAsync(simulator);
        var options = new CarrierOptions
        {
            BaseUrl = host.BaseUrlOf(simulator),
            ApiKey = apiKey ?? new LaPosteSimulatorOptions().ApiKey,
            MaxRetries = 0,
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        var http = new HttpClient();
        var client = new LaPosteClient(http, options, realClientClock ? TimeProvider.System : time, NullLogger<LaPosteClient>.Instance);
        return new LaPosteRig(host, http, simulator, time, client);
    }

    /// <summary>Tracks one id; a test that would hang fails after a generous bound instead.</summary>
    public Task<CarrierResult> TrackAsync(string id) =>
        Client.TrackAsync(new CarrierRequest(id, Start), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The id as it looks <paramref name="steps"/> step intervals after the simulator first saw it.</summary>
    public async Task<CarrierResult> TrackAtStepAsync(string id, int steps)
    {
        var first = await TrackAsync(id);
        if (steps == 0)
        {
            return first;
        }
        Time.Advance(Step * steps);
        return await TrackAsync(id);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }
}
