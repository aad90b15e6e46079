using Grpc.Core;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Fakes;

/// <summary>A response stream that plays a script, behaving like Grpc.Net.Client on cancellation.</summary>
public sealed class ScriptedStreamReader(IReadOnlyList<ScriptStep> steps, CancellationToken callToken, Action onIdle)
    : IAsyncStreamReader<ShipmentUpdate>
{
    private int next;

    public ShipmentUpdate Current { get; private set; } = null!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken);
        if (linked.IsCancellationRequested)
        {
            throw Cancelled();
        }

        // Past the end of the script the stream stays open, like a live watch with nothing to say.
        var step = next < steps.Count ? steps[next++] : ScriptStep.Hang;
        switch (step)
        {
            case ScriptStep.Yield yield:
                Current = yield.Value;
                return true;
            case ScriptStep.Throw failure:
                throw failure.Exception;
            case ScriptStep.Complete:
                return false;
            default:
                onIdle();
                try
                {
                    await Task.Delay(Timeout.Infinite, linked.Token);
                }
                catch (OperationCanceledException)
                {
                }

                throw Cancelled();
        }
    }

    // Grpc.Net.Client's default: the caller's cancellation surfaces as RpcException(CANCELLED).
    private static RpcException Cancelled() => new(new Status(StatusCode.Cancelled, "Call canceled by the client."));
}
