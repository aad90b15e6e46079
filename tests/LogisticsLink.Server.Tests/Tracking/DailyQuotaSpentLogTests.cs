using System.Net;
using LogisticsLink.Carriers;
using LogisticsLink.Carriers.Dhl;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tests.Webhooks;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Server.Tests.Tracking;

/// <summary>
/// A carrier's spent day is told once, at Warning, with the budget, the reset and the key; the refreshes it refuses
/// until the reset are not (with thousands of parcels one Warning each would flood the log).
/// </summary>
public sealed class DailyQuotaSpentLogTests
{
    [Fact]
    public async Task A_spent_day_logs_one_warning_naming_the_carrier_budget_reset_and_key_and_no_warning_per_refusal()
    {
        var logs = new LogCapture();
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s =>
            {
                s.AddSingleton<ILoggerProvider>(logs);
                s.AddSingleton<ICarrierClient>(sp => new DhlClient(
                    new HttpClient(new Unavailable()),
                    new CarrierOptions { BaseUrl = new Uri("https://dhl.invalid"), ApiKey = "key", DailyQuota = 1, MaxRetries = 0 },
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<DhlClient>>()));
            });
        var tracked = await server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dhl", TrackingNumber = "340434161090" });
        var shipment = (await server.Get<IShipmentStore>().FindAsync("tenant-a", tracked.Id, CancellationToken.None))!;
        var tracker = server.Get<ShipmentTracker>();
        var reset = CarrierDailyQuota.NextReset(server.Get<TimeProvider>().GetUtcNow());

        shipment = await tracker.RefreshAsync(shipment); // the day's one call: a 503
        for (var i = 0; i < 4; i++)
        {
            shipment = await tracker.RefreshAsync(shipment); // refused, nothing sent
        }

        var warnings = logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        var spent = Assert.Single(warnings, l => l.Contains("daily quota spent", StringComparison.Ordinal));
        Assert.Contains("Dhl", spent);
        Assert.Contains("Carriers:Dhl:DailyQuota", spent);
        Assert.Contains("1 calls a day", spent);
        Assert.Contains($"{reset.UtcDateTime:yyyy-MM-dd HH:mm} UTC", spent);
        Assert.DoesNotContain(warnings, l => l.Contains("not called", StringComparison.Ordinal));
        Assert.True(shipment.State.Stale);
    }

    private sealed class Unavailable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("") });
    }
}
