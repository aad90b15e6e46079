using Grpc.Core;
using Grpc.Core.Interceptors;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>
/// Counts unary calls that reached their handler, so a test can act once every concurrent call has arrived. Registered
/// after the server's own interceptors, its continuation is the handler: a call is counted once the handler has run up
/// to its first wait, so it has read the time it arrived (a call counted before that could take its arrival time after
/// a refresh the test then lets finish, and rightly ask for another).
/// </summary>
public sealed class ArrivalCounter : Interceptor
{
    private int _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var handled = continuation(request, context);
        Interlocked.Increment(ref _arrived);
        return handled;
    }
}
