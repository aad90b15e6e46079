using System.Collections.Concurrent;
using System.Reflection;
using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>
/// Wraps the server's <see cref="IShipmentStore"/> so a test can act at a precise point of a call: right after the
/// next read of the log's head (e.g. commit a change between a watch's head read and its snapshot read), or before
/// any call of a method (e.g. hold a replay's second batch). Everything else passes through.
/// </summary>
public class StoreHook : DispatchProxy
{
    private static readonly MethodInfo GateThenCall = typeof(StoreHook).GetMethod(nameof(GateThenCallAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private readonly ConcurrentDictionary<string, Func<object?[], Task>> _gates = new();
    private IShipmentStore _inner = null!;
    private Func<Task>? _afterNextHeadRead;

    /// <summary>Replaces the <see cref="IShipmentStore"/> registration with a hooked one; returns the hook.</summary>
    public static StoreHook Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IShipmentStore));
        var proxy = Create<IShipmentStore, StoreHook>();
        var hook = (StoreHook)(object)proxy;
        services.Remove(original);
        services.AddSingleton(sp =>
        {
            hook._inner = (IShipmentStore)original.ImplementationFactory!(sp);
            return proxy;
        });
        // The support desk's store is the same object seen through another interface the proxy does not have.
        services.AddSingleton(sp => (ISupportStore)original.ImplementationFactory!(sp));
        return hook;
    }

    public void AfterNextHeadRead(Func<Task> action) => Interlocked.Exchange(ref _afterNextHeadRead, action);

    /// <summary>
    /// Runs <paramref name="gate"/> with the call's arguments before every call of the store method named
    /// <paramref name="method"/> (one returning <c>Task&lt;T&gt;</c>); the call goes on when the gate's task ends.
    /// </summary>
    public void BeforeEach(string method, Func<object?[], Task> gate) => _gates[method] = gate;

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method!.Name == nameof(IShipmentStore.GetHeadSequenceAsync) && Interlocked.Exchange(ref _afterNextHeadRead, null) is { } action)
        {
            return ReadThenRunAsync((CancellationToken)args![0]!, action);
        }
        if (_gates.TryGetValue(method.Name, out var gate))
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

    private async Task<long> ReadThenRunAsync(CancellationToken cancellationToken, Func<Task> action)
    {
        var head = await _inner.GetHeadSequenceAsync(cancellationToken);
        await action();
        return head;
    }

    private async Task<T> GateThenCallAsync<T>(Func<object?[], Task> gate, MethodInfo method, object?[] args)
    {
        await gate(args);
        return await (Task<T>)CallInner(method, args)!;
    }
}
