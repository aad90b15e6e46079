using System.Net;
using System.Net.Sockets;

namespace LogisticsLink.Bench.Hosting;

/// <summary>Loopback ports nobody listens on (yet).</summary>
public static class FreePorts
{
    public static Uri NextLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }
}
