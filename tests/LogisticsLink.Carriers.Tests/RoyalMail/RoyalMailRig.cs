using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.RoyalMail;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Sandbox.RoyalMail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.RoyalMail;

/// <summary>
/// A Royal Mail simulator on loopback Kestrel and a client pointed at it. The simulator's clock is always fake (parcels
/// move when a test advances it); the client's is the same fake clock unless a test needs real waiting (Polly's
/// retry delays and timeouts run on the client's clock).
/// </summary>
internal sealed class RoyalMailRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    private readonly LoopbackSimulatorHost _host;
    private readonly HttpClient _http;

    private RoyalMailRig(LoopbackSimulatorHost host, HttpClient http, RoyalMailSimulator simulator, FakeTimeProvider time, RoyalMailClient client)
    {
        (_host, _http, Simulator, Time, Client) = (host, http, simulator, time, client);
    }

    public RoyalMailSimulator Simulator { get; }
    public FakeTimeProvider Time { get; }
    public RoyalMailClient Client { get; }

    /// <param name="realClientClock">Run the client on the system clock (retry delays and timeouts really elapse).</param>
    public static async Task<RoyalMailRig> StartAsync(Action<CarrierOptions>? configure = null, bool realClientClock = false, string? secret = null)
    {
        var time = new FakeTimeProvider(Start);
        var simulator = new RoyalMailSimulator(new RoyalMailSimulatorOptions { StepInterval = Step }, time);
        var host = await LoopbackSimulatorHost.StartAsync(simulator);
        var options = new CarrierOptions
        {
            BaseUrl = host.BaseUrlOf(simulator),
            ClientId = new RoyalMailSimulatorOptions().ClientId,
            ClientSecret = secret ?? new RoyalMailSimulatorOptions().ClientSecret,
            MaxRetries = 0,
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        var http = new HttpClient();
        var client = new RoyalMailClient(http, options, realClientClock ? TimeProvider.System : time, NullLogger<RoyalMailClient>.Instance);
        return new RoyalMailRig(host, http, simulator, time, client);
    }

    /// <summary>Tracks one number; a test that would hang fails after a generous bound instead.</summary>
    public Task<CarrierResult> TrackAsync(string number) =>
        Client.TrackAsync(new CarrierRequest(number, Start), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The number as it looks <paramref name="steps"/> step intervals after the simulator first saw it.</summary>
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
