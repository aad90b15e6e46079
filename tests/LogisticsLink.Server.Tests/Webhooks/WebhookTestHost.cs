using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Server.Tests.Webhooks;

/// <summary>
/// A real server with both webhooks configured for tenant-a, a scripted "ups" carrier and no scheduler (so nothing but
/// the webhooks moves a shipment), an HTTP/1.1 client for the web endpoint, and every log line kept for assertions.
/// </summary>
public sealed class WebhookTestHost : IAsyncDisposable
{
    public const string UpsCredential = "ups-track-alert-credential-0123456789";
    public const string AggregatorSecret = "aggregator-hmac-secret-0123456789abcdef";

    private WebhookTestHost(TestServer server, LogCapture logs)
    {
        Server = server;
        Logs = logs;
        Http = new HttpClient { BaseAddress = server.WebAddress, DefaultRequestVersion = System.Net.HttpVersion.Version11 };
    }

    public TestServer Server { get; }
    public LogCapture Logs { get; }
    public HttpClient Http { get; }

    public static async Task<WebhookTestHost> StartAsync(
        IReadOnlyDictionary<string, string>? extra = null, Action<IServiceCollection>? services = null)
    {
        var logs = new LogCapture();
        var settings = new Dictionary<string, string>
        {
            ["Scheduler:Enabled"] = "false",
            ["Webhooks:Ups:Credential"] = UpsCredential,
            ["Webhooks:Ups:TenantId"] = "tenant-a",
            ["Webhooks:Aggregator:Secret"] = AggregatorSecret,
            ["Webhooks:Aggregator:TenantId"] = "tenant-a",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        var server = await TestServer.StartAsync(settings: settings, services: s =>
        {
            s.AddSingleton<ICarrierClient>(new ScriptedCarrier());
            s.AddSingleton<ILoggerProvider>(logs);
            services?.Invoke(s);
        });
        return new WebhookTestHost(server, logs);
    }

    public Task<HttpResponseMessage> PostUpsAsync(string body, string? credential = UpsCredential)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, UpsTrackAlertWebhook.Route) { Content = Json(body) };
        if (credential is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignatures.UpsCredentialHeader, credential);
        }
        request.Headers.UserAgent.ParseAdd("UPSPubSubTrackingService");
        return Http.SendAsync(request);
    }

    /// <summary>Posts an aggregator delivery signed with <paramref name="secret"/> at <paramref name="signedAt"/> (now when null).</summary>
    public Task<HttpResponseMessage> PostAggregatorAsync(string body, string? secret = AggregatorSecret, DateTimeOffset? signedAt = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AggregatorWebhook.Route) { Content = Json(body) };
        if (secret is not null)
        {
            var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(WebhookSignatures.TimestampHeader, timestamp);
            request.Headers.Add(WebhookSignatures.SignatureHeader, WebhookSignatures.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        }
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Http.SendAsync(request);

    public static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Keeps every formatted log line (with its category) so tests can say what was, and was not, logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
