using System.Net;
using System.Net.Sockets;

namespace LogisticsLink.Tests.Shared;

/// <summary>Ports for servers the tests start on 127.0.0.1.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A bindable port below Linux's ephemeral range (32768+), so outgoing connections (PostgreSQL, HTTP clients)
    /// cannot take it between this probe and the server's bind.
    /// </summary>
    public static int Free()
    {
        while (true)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
