using Grpc.Core;
using Grpc.Core.Interceptors;

namespace LogisticsLink.Server.Auth;

/// <summary>
/// Authenticates every call of the tenant-scoped services: `authorization: Bearer &lt;key&gt;` selects the tenant.
/// The tenant is put on the call context for the service to read; nothing else decides who the caller is.
/// </summary>
public sealed class ApiKeyInterceptor(ApiKeyRegistry keys) : Interceptor
{
    private const string TenantKey = "logisticslink.tenant";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, responseStream, context);
    }

    /// <summary>The authenticated tenant of this call.</summary>
    public static string TenantOf(ServerCallContext context) =>
        context.UserState.TryGetValue(TenantKey, out var tenant) && tenant is string t
            ? t
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "No authenticated tenant on this call."));

    private void Authenticate(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Missing API key: send the header 'authorization: Bearer <key>'."));
        }
        if (!keys.TryResolve(header["Bearer ".Length..].Trim(), out var tenant))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "The API key is not valid."));
        }
        context.UserState[TenantKey] = tenant;
    }
}
