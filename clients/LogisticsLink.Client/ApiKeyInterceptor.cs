using Grpc.Core;
using Grpc.Core.Interceptors;

namespace LogisticsLink.Client;

/// <summary>
/// Adds <c>authorization: Bearer &lt;key&gt;</c> to every call. An interceptor rather than <see cref="CallCredentials"/>
/// because call credentials are silently dropped on plain-http channels unless
/// <c>UnsafeUseInsecureChannelCallCredentials</c> is set, and the default endpoint is h2c.
/// </summary>
internal sealed class ApiKeyInterceptor(string apiKey) : Interceptor
{
    private const string HeaderName = "authorization";
    private readonly string headerValue = "Bearer " + apiKey;

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithAuthorization(context));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithAuthorization(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithAuthorization(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithAuthorization(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithAuthorization(context));

    private ClientInterceptorContext<TRequest, TResponse> WithAuthorization<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        // Copy instead of appending to the caller's Metadata: callers reuse header objects across calls, and appending
        // would send the header twice on the second call.
        var headers = new Metadata();
        if (context.Options.Headers is { } callerHeaders)
        {
            foreach (var entry in callerHeaders)
            {
                if (!string.Equals(entry.Key, HeaderName, StringComparison.OrdinalIgnoreCase))
                {
                    headers.Add(entry);
                }
            }
        }

        headers.Add(HeaderName, headerValue);
        return new ClientInterceptorContext<TRequest, TResponse>(
            context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
