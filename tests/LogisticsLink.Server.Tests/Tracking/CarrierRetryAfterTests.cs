using System.Net;
using System.Net.Http.Headers;
using LogisticsLink.Carriers;
using LogisticsLink.Carriers.Dhl;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Server.Tests.Tracking;

/// <summary>
/// The real DHL adapter, answered 429 with a Retry-After longer than a refresh waits: the refresh fails at once and the
/// parcel's next check is not planned before the carrier said to ask again.
/// </summary>
public sealed class CarrierRetryAfterTests
{
    [Fact]
    public async Task A_429_asking_for_120_seconds_puts_the_next_check_after_them()
    {
        var carrier = new Throttling(TimeSpan.FromSeconds(120));
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => s.AddSingleton<ICarrierClient>(sp => new DhlClient(
                new HttpClient(carrier),
                new CarrierOptions { BaseUrl = new Uri("https://dhl.invalid"), ApiKey = "key", DailyQuota = 0 },
                sp.GetRequiredService<TimeProvider>(),
                NullLogger<DhlClient>.Instance)));
        var tracked = await server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dhl", TrackingNumber = "340434161090" });
        var stored = (await server.Get<IShipmentStore>().FindAsync("tenant-a", tracked.Id, CancellationToken.None))!;
        var before = server.Get<TimeProvider>().GetUtcNow();

        var refreshed = (await server.Get<ShipmentTracker>().RefreshAsync(stored)).State;

        Assert.True(refreshed.Stale);
        Assert.Equal(1, carrier.Calls); // not retried: the carrier asked for longer than a refresh waits
        Assert.True(refreshed.NextCheckAt >= before.AddSeconds(120), $"next check {refreshed.NextCheckAt:O} is before {before.AddSeconds(120):O}");
    }

    private sealed class Throttling(TimeSpan retryAfter) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("") };
            response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
            return Task.FromResult(response);
        }
    }
}
