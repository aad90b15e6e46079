using LogisticsLink.Server.Hosting;
using LogisticsLink.Server.Scheduling;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Storage;
using LogisticsLink.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tests;

/// <summary>How many refreshes run at once when the operator did not say: it depends on what a refresh costs the store.</summary>
public sealed class SchedulerDefaultsTests
{
    [Theory]
    [InlineData(StorageOptions.SqliteProvider, null, SchedulerOptions.DefaultMaxConcurrency)]
    [InlineData(StorageOptions.PostgresProvider, null, PostgresSchedulerDefaults.MaxConcurrency)]
    [InlineData(StorageOptions.SqliteProvider, "8", 8)]
    [InlineData(StorageOptions.PostgresProvider, "40", 40)]
    public void Max_concurrency_defaults_by_store_and_a_configured_value_always_wins(string provider, string? configured, int expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:Postgres:ConnectionString"] = "Host=127.0.0.1;Database=ll",
        };
        if (configured is not null)
        {
            settings["Scheduler:MaxConcurrency"] = configured;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddLogisticsLink(configuration)
            .BuildServiceProvider();

        Assert.Equal(expected, services.GetRequiredService<IOptions<SchedulerOptions>>().Value.MaxConcurrency);
    }

    [Fact]
    public async Task The_shipped_configuration_leaves_the_default_to_the_store()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });

        var expected = ThrowawayPostgres.Selected ? PostgresSchedulerDefaults.MaxConcurrency : SchedulerOptions.DefaultMaxConcurrency;
        Assert.Equal(expected, server.Get<IOptions<SchedulerOptions>>().Value.MaxConcurrency);
    }
}
