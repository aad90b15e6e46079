using Grpc.Core;
using Grpc.Core.Interceptors;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>Counts unary calls that reached the server, so a test can act once every concurrent call has arrived.</summary>
public sealed class ArrivalCounter : Interceptor
{
    private int _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Interlocked.Increment(ref _arrived);
        return continuation(request, context);
    }
}
