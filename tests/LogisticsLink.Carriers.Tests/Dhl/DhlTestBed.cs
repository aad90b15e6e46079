using LogisticsLink.Carriers.Dhl;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Sandbox.Dhl;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.Dhl;

/// <summary>
/// The DHL simulator on a real loopback Kestrel, its clock (a <see cref="FakeTimeProvider"/>, so parcels age only when
/// a test says so) and a factory for clients pointed at it.
/// </summary>
internal sealed class DhlTestBed : IAsyncDisposable
{
    public const string ApiKey = "dhl-test-consumer-key-not-logged";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 7, 5, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http = new();

    private DhlTestBed(FakeTimeProvider clock, DhlSimulator simulator, LoopbackSimulatorHost host)
    {
        Clock = clock;
        Simulator = simulator;
        Host = host;
    }

    public FakeTimeProvider Clock { get; }
    public DhlSimulator Simulator { get; }
    public LoopbackSimulatorHost Host { get; }

    /// <summary>A 12-digit DHL Paket-looking number whose last digit picks the sandbox scenario.</summary>
    public static string Number(int scenario) => "34043416109" + scenario;

    public static async Task<DhlTestBed> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var simulator = new DhlSimulator(new DhlSimulatorOptions { ApiKey = ApiKey, StepInterval = Step }, clock);
        return new DhlTestBed(clock, simulator, await LoopbackSimulatorHost.StartAsync(simulator));
    }

    /// <summary>A client on the real clock unless told otherwise; small retry delays come from the pipeline itself.</summary>
    public DhlClient Client(Action<CarrierOptions>? configure = null, TimeProvider? time = null, string apiKey = ApiKey)
    {
        var options = new CarrierOptions
        {
            BaseUrl = Host.BaseUrlOf(Simulator),
            ApiKey = apiKey,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 2,
        };
        configure?.Invoke(options);
        return new DhlClient(_http, options, time ?? TimeProvider.System, NullLogger<DhlClient>.Instance);
    }

    /// <summary>Tracks a number; a test that would hang fails after a generous bound instead.</summary>
    public static Task<CarrierResult> Track(DhlClient client, string number) =>
        client.TrackAsync(new CarrierRequest(number, Start), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Lets <paramref name="steps"/> more scans of every parcel happen.</summary>
    public void Advance(int steps) => Clock.Advance(Step * steps);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }
}
