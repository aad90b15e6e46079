using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Carriers.Usps;
using LogisticsLink.Sandbox.Usps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.Usps;

/// <summary>
/// The USPS simulator on a real loopback Kestrel, its clock (a <see cref="FakeTimeProvider"/>, so parcels age only when
/// a test says so) and a factory for clients pointed at it.
/// </summary>
internal sealed class UspsTestBed : IAsyncDisposable
{
    public const string ClientId = "usps-test-consumer-key";
    public const string ClientSecret = "usps-test-consumer-secret-not-logged";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 7, 5, 0, TimeSpan.Zero);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http = new();

    private UspsTestBed(FakeTimeProvider clock, UspsSimulator simulator, LoopbackSimulatorHost host)
    {
        Clock = clock;
        Simulator = simulator;
        Host = host;
    }

    public FakeTimeProvider Clock { get; }
    public UspsSimulator Simulator { get; }
    public LoopbackSimulatorHost Host { get; }

    /// <summary>A USPS-looking 22-digit IMpb number whose last digit picks the sandbox scenario.</summary>
    public static string Number(int scenario) => "940010910425053290858" + scenario;

    public static async Task<UspsTestBed> StartAsync(TimeSpan? tokenLifetime = null, string? grantedScopes = null)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new UspsSimulatorOptions
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            StepInterval = Step,
            TokenLifetime = tokenLifetime ?? TimeSpan.FromSeconds(28799),
        };
        if (grantedScopes is not null)
        {
            options = new UspsSimulatorOptions
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                StepInterval = Step,
                TokenLifetime = options.TokenLifetime,
                GrantedScopes = grantedScopes,
            };
        }
        var simulator = new UspsSimulator(options, clock);
        return new UspsTestBed(clock, simulator, await LoopbackSimulatorHost.StartAsync(simulator));
    }

    /// <summary>A client on the real clock unless told otherwise; small retry delays come from the pipeline itself.</summary>
    public UspsClient Client(Action<CarrierOptions>? configure = null, TimeProvider? time = null, string secret = ClientSecret)
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
        return new UspsClient(_http, options, time ?? TimeProvider.System, NullLogger<UspsClient>.Instance);
    }

    /// <summary>Tracks a number; a test that would hang fails after a generous bound instead.</summary>
    public static Task<CarrierResult> Track(UspsClient client, string number) =>
        client.TrackAsync(new CarrierRequest(number, Start), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Lets <paramref name="steps"/> more scans of every parcel happen.</summary>
    public void Advance(int steps) => Clock.Advance(Step * steps);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }
}
