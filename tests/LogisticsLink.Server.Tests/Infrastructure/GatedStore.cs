using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>
/// Wraps one of the server's store interfaces so a test can hold a call at a precise point (e.g. a webhook's first copy
/// before it reads the order, or a replay's second batch). Everything else passes through.
/// </summary>
public abstract class GatedStore<TStore> : DispatchProxy where TStore : class
{
    private static readonly MethodInfo GateThenCall =
        typeof(GatedStore<TStore>).GetMethod(nameof(GateThenCallAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private readonly ConcurrentDictionary<string, Func<object?[], Task>> _gates = new();

    protected TStore Inner { get; private set; } = null!;

    /// <summary>
    /// Runs <paramref name="gate"/> with the call's arguments before every call of the store method named
    /// <paramref name="method"/> (one returning <c>Task&lt;T&gt;</c>); the call goes on when the gate's task ends.
    /// </summary>
    public void BeforeEach(string method, Func<object?[], Task> gate) => _gates[method] = gate;

    /// <summary>Replaces the last <typeparamref name="TStore"/> registration with a gated one; returns the gate.</summary>
    protected static TGate Install<TGate>(IServiceCollection services, out ServiceDescriptor original) where TGate : GatedStore<TStore>
    {
        var replaced = original = services.Last(d => d.ServiceType == typeof(TStore));
        var proxy = Create<TStore, TGate>();
        var gate = (TGate)(object)proxy;
        services.Remove(replaced);
        services.AddSingleton(sp =>
        {
            gate.Inner = (TStore)replaced.ImplementationFactory!(sp);
            return proxy;
        });
        return gate;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args) =>
        _gates.TryGetValue(method!.Name, out var gate)
            ? GateThenCall.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(this, [gate, method, args])
            : CallInner(method, args);

    private object? CallInner(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(Inner, args);
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
