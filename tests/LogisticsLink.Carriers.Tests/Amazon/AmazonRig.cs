using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Sandbox.Amazon;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.Amazon;

/// <summary>
/// An Amazon simulator on loopback Kestrel and a client pointed at it. The simulator's clock is fake (parcels move
/// when a test advances it); the client's is the same fake clock unless a test needs retry delays or timeouts to elapse.
/// </summary>
internal sealed class AmazonRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    private readonly LoopbackSimulatorHost _host;
    private readonly HttpClient _http;

    private AmazonRig(LoopbackSimulatorHost host, HttpClient http, AmazonSimulator simulator, FakeTimeProvider time, AmazonClient client) =>
        (_host, _http, Simulator, Time, Client) = (host, http, simulator, time, client);

    public AmazonSimulator Simulator { get; }
    public FakeTimeProvider Time { get; }
    public AmazonClient Client { get; }

    public static async Task<AmazonRig> StartAsync(Action<CarrierOptions>? configure = null, bool realClientClock = false, string? refreshToken = null)
    {
        var time = new FakeTimeProvider(Start);
        var defaults = new AmazonSimulatorOptions();
        var simulator = new AmazonSimulator(new AmazonSimulatorOptions { StepInterval = Step }, time);
        var host = await LoopbackSimulatorHost.StartAsync(simulator);
        var options = new CarrierOptions
        {
            BaseUrl = host.BaseUrlOf(simulator),
            ClientId = defaults.ClientId,
            ClientSecret = defaults.ClientSecret,
            ApiKey = refreshToken ?? defaults.RefreshToken,
            MaxRetries = 0,
        };
        configure?.Invoke(options);
        var http = new HttpClient();
        var client = new AmazonClient(http, options, realClientClock ? TimeProvider.System : time, NullLogger<AmazonClient>.Instance);
        return new AmazonRig(host, http, simulator, time, client);
    }

    public Task<CarrierResult> TrackAsync(string number) =>
        Client.TrackAsync(new CarrierRequest(number, Start), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The parcel <paramref name="steps"/> step intervals after the simulator first saw it.</summary>
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
