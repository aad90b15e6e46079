using Google.Rpc;
using Grpc.Core;

namespace LogisticsLink.Cli;

/// <summary>Turns a server status into an exit code and a one-line explanation.</summary>
internal static class RpcErrors
{
    /// <summary>HTTP/2's HTTP_1_1_REQUIRED: the address answers HTTP/1.1 only, so it is no gRPC endpoint.</summary>
    private const long Http11Required = 0xd;

    // A URL that answers HTTP/1.1 only (most likely the server's Web endpoint) is a wrong --url, as unreachable for a
    // script as a closed port; Grpc.Net.Client reports it as INTERNAL.
    public static int ExitCode(RpcException exception) =>
        AnswersHttp11Only(exception) ? ExitCodes.Unavailable : ExitCode(exception.StatusCode);

    public static int ExitCode(StatusCode code) => code switch
    {
        StatusCode.NotFound => ExitCodes.NotFound,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => ExitCodes.NotAuthorized,
        StatusCode.InvalidArgument => ExitCodes.InvalidArgument,
        // A deadline on a unary call means the server did not answer in time: as good as unreachable for a script.
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => ExitCodes.Unavailable,
        _ => ExitCodes.Failure,
    };

    public static string Describe(RpcException exception, Uri url)
    {
        if (AnswersHttp11Only(exception))
        {
            return $"no gRPC endpoint at {url}: it answers HTTP/1.1 only (the server's Web endpoint?); " +
                $"--url takes its gRPC endpoint (Kestrel:Endpoints:Grpc, default {GlobalOptions.DefaultUrl})";
        }

        var detail = exception.Status.Detail;
        if (exception.StatusCode == StatusCode.Unavailable && exception.Status.DebugException is { } cause)
        {
            // "Error connecting to subchannel." alone hides the useful part ("Connection refused (host:port)").
            detail = $"{detail} ({cause.Message})";
        }

        var message = exception.StatusCode switch
        {
            StatusCode.NotFound => $"not found: {detail}",
            StatusCode.Unauthenticated => $"not authenticated (check --key / {GlobalOptions.KeyVariable}): {detail}",
            StatusCode.PermissionDenied => $"permission denied: {detail}",
            StatusCode.InvalidArgument => $"invalid argument: {detail}",
            StatusCode.Unavailable => $"server unavailable at {url}: {detail}",
            StatusCode.DeadlineExceeded => $"no answer from {url} in time: {detail}",
            _ => $"{exception.StatusCode}: {detail}",
        };

        // The server names offending fields in a google.rpc.BadRequest detail; show them, they say what to fix.
        // One line per field reads better than the status message, which usually repeats them run together.
        var violations = exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        if (violations is { Count: > 0 })
        {
            message = "invalid argument:" + Environment.NewLine + string.Join(Environment.NewLine,
                violations.Select(v => $"  {v.Field}: {v.Description}"));
        }

        return message;
    }

    private static bool AnswersHttp11Only(RpcException exception)
    {
        for (var cause = exception.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (cause is HttpProtocolException { ErrorCode: Http11Required })
            {
                return true;
            }
        }

        return false;
    }
}
