using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests;

/// <summary>
/// A server with DPD enabled and the scheduler off, for tests of how DPD numbers are stored and found: no DPD account
/// in tests, so every parcel stays as stored.
/// </summary>
internal static class DpdTestServer
{
    public static Task<TestServer> StartAsync() => TestServer.StartAsync(
        settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
        services: s => s.AddSingleton<ICarrierClient>(new SilentDpd()));

    /// <summary>A connector that only makes DPD enabled; the scheduler is off, so it is never called.</summary>
    private sealed class SilentDpd : ICarrierClient
    {
        public string Code => "dpd";
        public TimeSpan? Cadence => null;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(CarrierResult.Success(Domain.Tracking.CarrierSnapshot.NotFound()));
    }
}
