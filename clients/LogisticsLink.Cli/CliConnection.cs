using LogisticsLink.Client;
using LogisticsLink.V1;

namespace LogisticsLink.Cli;

/// <summary>The client a command calls, and what to dispose afterwards; tests substitute a fake client.</summary>
internal sealed record CliConnection(TrackingService.TrackingServiceClient Tracking, IDisposable? Owner) : IDisposable
{
    public static CliConnection Connect(Uri url, string apiKey)
    {
        var client = LogisticsLinkClient.Create(url, apiKey);
        return new CliConnection(client.Tracking, client);
    }

    public void Dispose() => Owner?.Dispose();
}
