using Microsoft.Net.Http.Headers;

namespace LogisticsLink.Server.Hosting;

/// <summary>
/// The browser-side safety headers of the dashboard's files. The page holds an API key in memory and shows text from
/// carriers, so a script that got in (an injected link, a tampered asset) must find nothing to run and nowhere to send.
/// </summary>
internal static class DashboardSecurityHeaders
{
    /// <summary>
    /// What the built page needs and nothing more: its own hashed script and stylesheet (no inline code, no style
    /// attributes, no fonts; the row tint is a Web Animation, which style-src does not govern), gRPC-Web to the same
    /// origin, and the empty <c>data:,</c> favicon that stops the browser asking for /favicon.ico.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Apply(IHeaderDictionary headers)
    {
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        // An asset served with the wrong type must not be guessed into a script.
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // The carrier tracking links open other sites: they need not learn where the dashboard lives.
        headers["Referrer-Policy"] = "no-referrer";
    }
}
