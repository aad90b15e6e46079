using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Scheduling;

/// <summary>
/// On PostgreSQL each refresh in flight holds a pooled connection for its cluster-wide lock, and several nodes share
/// one server's connection limit (100 by default), so a node that was not told otherwise runs fewer refreshes at once
/// than on SQLite, where they cost no connection.
/// </summary>
public sealed class PostgresSchedulerDefaults(IConfiguration configuration, IOptions<StorageOptions> storage)
    : IPostConfigureOptions<SchedulerOptions>
{
    public const int MaxConcurrency = 16;

    public void PostConfigure(string? name, SchedulerOptions options)
    {
        var configured = configuration[$"{SchedulerOptions.Section}:{nameof(SchedulerOptions.MaxConcurrency)}"] is not null;
        if (!configured && storage.Value.Provider == StorageOptions.PostgresProvider)
        {
            options.MaxConcurrency = MaxConcurrency;
        }
    }
}
