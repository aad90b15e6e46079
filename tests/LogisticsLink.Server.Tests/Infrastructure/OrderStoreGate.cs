using System.Collections.Concurrent;
using System.Reflection;
using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>
/// Wraps the server's <see cref="IOrderStore"/> so a test can hold a call at a precise point (e.g. a webhook's first copy
/// before it reads the order), as <see cref="StoreHook"/> does for the shipment store. Everything else passes through.
/// </summary>
public class OrderStoreGate : DispatchProxy
{
    private static readonly MethodInfo GateThenCall = typeof(OrderStoreGate).GetMethod(nameof(GateThenCallAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private readonly ConcurrentDictionary<string, Func<object?[], Task>> _gates = new();
    private IOrderStore _inner = null!;

    /// <summary>Replaces the <see cref="IOrderStore"/> registration with a gated one; returns the gate.</summary>
    public static OrderStoreGate Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IOrderStore));
        var proxy = Create<IOrderStore, OrderStoreGate>();
        var gate = (OrderStoreGate)(object)proxy;
        services.Remove(original);
        services.AddSingleton(sp =>
        {
            gate._inner = (IOrderStore)original.ImplementationFactory!(sp);
            return proxy;
        });
        return gate;
    }

    /// <summary>
    /// Runs <paramref name="gate"/> with the call's arguments before every call of the store method named
    /// <paramref name="method"/> (one returning <c>Task&lt;T&gt;</c>); the call goes on when the gate's task ends.
    /// </summary>
    public void BeforeEach(string method, Func<object?[], Task> gate) => _gates[method] = gate;

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (_gates.TryGetValue(method!.Name, out var gate))
        {
            return GateThenCall.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(this, [gate, method, args]);
        }
        return CallInner(method, args);
    }

    private object? CallInner(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private async Task<T> GateThenCallAsync<T>(Func<object?[], Task> gate, MethodInfo method, object?[] args)
    {
        await gate(args);
        return await (Task<T>)CallInner(method, args)!;
    }
}
