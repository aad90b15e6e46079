using Google.Rpc;
using Grpc.Core;

namespace LogisticsLink.Cli;

/// <summary>Turns a server status into an exit code and a one-line explanation.</summary>
internal static class RpcErrors
{
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
}
