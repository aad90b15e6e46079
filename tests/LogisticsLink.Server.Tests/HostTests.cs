using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using LogisticsLink.Server.Hosting;
using LogisticsLink.Server.Scheduling;
using LogisticsLink.Storage;
using LogisticsLink.Server.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tests;

/// <summary>The host: health checks, reflection, gRPC-Web, and start-up validation that names the wrong key.</summary>
public sealed class HostTests
{
    [Fact]
    public async Task Health_reflection_and_http_health_answer_without_an_api_key()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        using var reflection = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await reflection.ResponseStream.MoveNext());
        Assert.Contains(reflection.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "logisticslink.v1.TrackingService");
        await reflection.RequestStream.CompleteAsync();

        using var http = new HttpClient { BaseAddress = server.WebAddress };
        Assert.True((await http.GetAsync("/healthz")).IsSuccessStatusCode);
        Assert.Equal(0, await HealthProbe.RunAsync(server.WebAddress.ToString()));
    }

    [Fact]
    public async Task Grpc_web_is_served_on_the_http1_endpoint()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        using var channel = GrpcChannel.ForAddress(server.WebAddress, new GrpcChannelOptions
        {
            HttpHandler = new Grpc.Net.Client.Web.GrpcWebHandler(Grpc.Net.Client.Web.GrpcWebMode.GrpcWebText, new HttpClientHandler()),
            HttpVersion = System.Net.HttpVersion.Version11,
        });
        var client = new V1.TrackingService.TrackingServiceClient(channel);
        var headers = new Metadata { { "authorization", $"Bearer {TestServer.KeyA}" } };

        var shipment = await client.TrackShipmentAsync(new V1.TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() }, headers);

        Assert.Equal(V1.ShipmentStatus.Pending, shipment.Status);
    }

    [Theory]
    [InlineData("Streams:HeartbeatInterval", "00:00:00", "Streams:HeartbeatInterval")]
    [InlineData("Streams:SubscriberBufferSize", "2", "Streams:SubscriberBufferSize")]
    [InlineData("Scheduler:MaxConcurrency", "0", "Scheduler:MaxConcurrency")]
    [InlineData("Sandbox:StepInterval", "-00:00:01", "Sandbox:StepInterval")]
    [InlineData("Storage:Provider", "Oracle", "Storage:Provider")]
    [InlineData("Auth:ApiKeys:0:Tenant", "", "Auth:ApiKeys:0:Tenant")]
    [InlineData("Orders:SweepInterval", "60.00:00:00", "Orders:SweepInterval")]
    [InlineData("Scheduler:PollInterval", "60.00:00:00", "Scheduler:PollInterval")]
    public async Task Invalid_options_stop_start_up_with_a_message_naming_the_key(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestServer.StartAsync(settings: new Dictionary<string, string> { [key] = value }));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task One_key_given_to_two_tenants_stops_start_up_naming_both_entries()
    {
        // Tenant B's entry copied from A's with only the tenant changed: A's callers would silently act as B.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Auth:ApiKeys:1:KeySha256"] = Auth.ApiKeyRegistry.Digest(TestServer.KeyA).ToUpperInvariant(),
        }));

        Assert.Contains("Auth:ApiKeys:1 is the same key as Auth:ApiKeys:0", error.Message);
    }

    [Theory]
    [InlineData(20, 12, true)]
    [InlineData(20, 13, false)]
    [InlineData(100, 16, true)]
    public void On_PostgreSQL_the_pool_must_leave_room_beside_the_refreshes_in_flight(int poolSize, int maxConcurrency, bool valid)
    {
        var storage = new StorageOptions { Provider = StorageOptions.PostgresProvider };
        storage.Postgres.ConnectionString = $"Host=127.0.0.1;Database=ll;Maximum Pool Size={poolSize}";
        var validation = new PostgresPoolValidation(Options.Create(storage));

        var result = validation.Validate(null, new SchedulerOptions { MaxConcurrency = maxConcurrency });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains($"Scheduler:MaxConcurrency ({maxConcurrency})", result.FailureMessage);
            Assert.Contains("Maximum Pool Size", result.FailureMessage);
        }
    }
}
