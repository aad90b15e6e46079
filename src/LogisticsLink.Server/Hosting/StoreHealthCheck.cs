using LogisticsLink.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogisticsLink.Server.Hosting;

/// <summary>Healthy when the database answers a query.</summary>
public sealed class StoreHealthCheck(IShipmentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
