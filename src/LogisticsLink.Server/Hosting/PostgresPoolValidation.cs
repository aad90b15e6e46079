using LogisticsLink.Server.Scheduling;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Hosting;

/// <summary>
/// On PostgreSQL a refresh in flight holds a pooled connection for its cluster-wide lock while it waits for the
/// carrier; if the refreshes could hold every connection, none would be left to store their answers. A validator of
/// its own because it reads the storage options (<see cref="OptionsValidation"/> validates those).
/// </summary>
public sealed class PostgresPoolValidation(IOptions<StorageOptions> storage) : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var settings = storage.Value;
        if (settings.Provider != StorageOptions.PostgresProvider || !OptionsValidation.ValidConnectionString(settings.Postgres.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }
        var pool = new Npgsql.NpgsqlConnectionStringBuilder(settings.Postgres.ConnectionString).MaxPoolSize;
        return options.MaxConcurrency <= PostgresStorageOptions.RefreshLockSlots(pool)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Scheduler:MaxConcurrency ({options.MaxConcurrency}) must be at most the Maximum Pool Size of " +
                $"Storage:Postgres:ConnectionString ({pool}) minus {PostgresStorageOptions.ConnectionsBesideRefreshLocks}: each refresh in flight holds a " +
                "connection for its cluster-wide lock.");
    }
}
