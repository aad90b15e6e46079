using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogisticsLink.Sandbox.Marketplaces;

/// <summary>Never answers: waits until the client gives up or the host stops, so timeouts are tested for real.</summary>
internal static class LoopbackHang
{
    public static async Task UntilAbortedAsync(HttpContext context)
    {
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The caller left; there is nobody to answer.
        }
    }
}
