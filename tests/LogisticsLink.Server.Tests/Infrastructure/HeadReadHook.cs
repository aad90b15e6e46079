using System.Reflection;
using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>
/// Wraps the server's <see cref="IShipmentStore"/> so a test can run something right after the next read of the log's
/// head, e.g. commit a change between a watch's head read and its snapshot read. Everything else passes through.
/// </summary>
public class HeadReadHook : DispatchProxy
{
    private IShipmentStore _inner = null!;
    private Func<Task>? _afterNextHeadRead;

    /// <summary>Replaces the <see cref="IShipmentStore"/> registration with a hooked one; returns the hook.</summary>
    public static HeadReadHook Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IShipmentStore));
        var proxy = Create<IShipmentStore, HeadReadHook>();
        var hook = (HeadReadHook)(object)proxy;
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

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method!.Name == nameof(IShipmentStore.GetHeadSequenceAsync) && Interlocked.Exchange(ref _afterNextHeadRead, null) is { } action)
        {
            return ReadThenRunAsync((CancellationToken)args![0]!, action);
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
}
