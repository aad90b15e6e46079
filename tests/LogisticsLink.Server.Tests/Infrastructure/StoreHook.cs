using System.Reflection;
using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>
/// Wraps the server's <see cref="IShipmentStore"/> so a test can act at a precise point of a call: right after the
/// next read of the log's head (e.g. commit a change between a watch's head read and its snapshot read), or before
/// the store reads the log (e.g. hold a replay's second batch). Everything else passes through.
/// </summary>
public class StoreHook : DispatchProxy
{
    private IShipmentStore _inner = null!;
    private Func<Task>? _afterNextHeadRead;
    private Func<ChangeQuery, long, CancellationToken, Task>? _beforeChangeRead;

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

    /// <summary>Runs <paramref name="gate"/> (query, after-sequence, the call's token) before every read of the log.</summary>
    public void BeforeEachChangeRead(Func<ChangeQuery, long, CancellationToken, Task> gate) => _beforeChangeRead = gate;

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method!.Name == nameof(IShipmentStore.GetHeadSequenceAsync) && Interlocked.Exchange(ref _afterNextHeadRead, null) is { } action)
        {
            return ReadThenRunAsync((CancellationToken)args![0]!, action);
        }
        if (method.Name == nameof(IShipmentStore.ReadChangesAsync) && _beforeChangeRead is { } gate)
        {
            return ReadChangesAfterGateAsync(gate, args!);
        }
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

    private async Task<IReadOnlyList<ChangeRecord>> ReadChangesAfterGateAsync(Func<ChangeQuery, long, CancellationToken, Task> gate, object?[] args)
    {
        var (query, after, max, token) = ((ChangeQuery)args[0]!, (long)args[1]!, (int)args[2]!, (CancellationToken)args[3]!);
        await gate(query, after, token);
        return await _inner.ReadChangesAsync(query, after, max, token);
    }
}
