using System.Reflection;
using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>
/// The server's <see cref="IShipmentStore"/>, gated (<see cref="GatedStore{TStore}"/>), that can also act right after
/// the next read of the log's head (e.g. commit a change between a watch's head read and its snapshot read).
/// </summary>
public class StoreHook : GatedStore<IShipmentStore>
{
    private Func<Task>? _afterNextHeadRead;

    /// <summary>Replaces the <see cref="IShipmentStore"/> registration with a hooked one; returns the hook.</summary>
    public static StoreHook Install(IServiceCollection services)
    {
        var hook = Install<StoreHook>(services, out var original);
        // The support desk's store is the same object seen through another interface the proxy does not have.
        services.AddSingleton(sp => (ISupportStore)original.ImplementationFactory!(sp));
        return hook;
    }

    public void AfterNextHeadRead(Func<Task> action) => Interlocked.Exchange(ref _afterNextHeadRead, action);

    protected override object? Invoke(MethodInfo? method, object?[]? args) => method!.Name switch
    {
        nameof(IShipmentStore.GetHeadSequenceAsync) when Interlocked.Exchange(ref _afterNextHeadRead, null) is { } action =>
            ReadThenRunAsync(Inner.GetHeadSequenceAsync((CancellationToken)args![0]!), action),
        nameof(IShipmentStore.GetHeadAsync) when Interlocked.Exchange(ref _afterNextHeadRead, null) is { } action =>
            ReadThenRunAsync(Inner.GetHeadAsync((CancellationToken)args![0]!), action),
        _ => base.Invoke(method, args),
    };

    private static async Task<T> ReadThenRunAsync<T>(Task<T> read, Func<Task> action)
    {
        var head = await read;
        await action();
        return head;
    }
}
