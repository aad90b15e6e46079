using LogisticsLink.Client;
using LogisticsLink.V1;

namespace LogisticsLink.Bench.Hosting;

/// <summary>Several typed clients, each its own channel and so its own HTTP/2 connection(s), handed out round-robin.</summary>
public sealed class ClientPool : IDisposable
{
    private readonly LogisticsLinkClient[] _clients;

    public ClientPool(Uri address, int connections)
    {
        _clients = Enumerable.Range(0, connections)
            .Select(_ => LogisticsLinkClient.Create(address, ServerSettings.ApiKey))
            .ToArray();
    }

    public int Count => _clients.Length;

    public TrackingService.TrackingServiceClient this[int index] => _clients[index % _clients.Length].Tracking;

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
