using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>The server's <see cref="IOrderStore"/>, gated (<see cref="GatedStore{TStore}"/>).</summary>
public class OrderStoreGate : GatedStore<IOrderStore>
{
    /// <summary>Replaces the <see cref="IOrderStore"/> registration with a gated one; returns the gate.</summary>
    public static OrderStoreGate Install(IServiceCollection services) => Install<OrderStoreGate>(services, out _);
}
