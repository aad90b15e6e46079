using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Carriers.Ups;
using LogisticsLink.Sandbox.Ups;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.Ups;

/// <summary>
/// The UPS simulator on a real loopback Kestrel, its clock (a <see cref="FakeTimeProvider"/>, so parcels age only when
/// a test says so) and a factory for clients pointed at it.
/// </summary>
internal sealed class UpsTestBed : IAsyncDisposable
{
    public const string ClientId = "ups-test-client";
    public const string ClientSecret = "ups-test-secret-not-logged";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 7, 5, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http = new();

    private UpsTestBed(FakeTimeProvider clock, UpsSimulator simulator, LoopbackSimulatorHost host)
    {
        Clock = clock;
        Simulator = simulator;
        Host = host;
    }

    public FakeTimeProvider Clock { get; }
    public UpsSimulator Simulator { get; }
    public LoopbackSimulatorHost Host { get; }

    /// <summary>A UPS-looking number (1Z + 16) whose last digit picks the sandbox scenario.</summary>
    public static string Number(int scenario) => "1Z12345E020527168" + scenario;

    public static async Task<UpsTestBed> StartAsync(TimeSpan? tokenLifetime = null)
    {
        var clock = new FakeTimeProvider(Start);
        var simulator = new UpsSimulator(new UpsSimulatorOptions
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            StepInterval = Step,
            TokenLifetime = tokenLifetime ?? TimeSpan.FromHours(4),
        }, clock);
        return new UpsTestBed(clock, simulator, await LoopbackSimulatorHost.StartAsync(simulator));
    }

    /// <summary>A client on the real clock unless told otherwise; small retry delays come from the pipeline itself.</summary>
    public UpsClient Client(Action<CarrierOptions>? configure = null, TimeProvider? time = null, string secret = ClientSecret)
    {
        var options = new CarrierOptions
        {
            BaseUrl = Host.BaseUrlOf(Simulator),
            ClientId = ClientId,
            ClientSecret = secret,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 2,
        };
        configure?.Invoke(options);
        return new UpsClient(_http, options, time ?? TimeProvider.System, NullLogger<UpsClient>.Instance);
    }

    /// <summary>Lets <paramref name="steps"/> more scans of every parcel happen.</summary>
    public void Advance(int steps) => Clock.Advance(Step * steps);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }
}
