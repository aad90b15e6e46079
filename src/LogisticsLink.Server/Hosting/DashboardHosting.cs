using Microsoft.Net.Http.Headers;

namespace LogisticsLink.Server.Hosting;

/// <summary>
/// Serves the web dashboard (built from src/LogisticsLink.Dashboard into wwwroot by the server's build) at "/". It talks
/// to the server over gRPC-Web on the same origin, so no CORS is needed.
/// </summary>
public static class DashboardHosting
{
    /// <summary>Adds the dashboard's files to the pipeline; false when this build has none (built without npm).</summary>
    public static bool UseDashboard(this WebApplication app)
    {
        if (!app.Environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            return false;
        }
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                DashboardSecurityHeaders.Apply(context.Context.Response.Headers);
                // Vite names every asset by its content hash; only index.html must be asked for again on each load.
                context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        return true;
    }
}
