namespace LogisticsLink.Server.Hosting;

/// <summary>
/// `LogisticsLink.Server --health-probe URL`: exits 0 when the server at URL reports healthy. Lets the container's
/// HEALTHCHECK run without curl in the runtime image. Anything else is 1 (Docker's "unhealthy"; it keeps what the probe
/// printed), with one line saying why.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--health-probe";

    public static async Task<int> RunAsync(string url, TextWriter? error = null)
    {
        error ??= TextWriter.Null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var root) || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
        {
            await error.WriteLineAsync($"{Flag} needs the web endpoint's http or https URL, such as http://127.0.0.1:5081 (got '{url}').");
            return 1;
        }
        var health = new Uri(root, "/healthz");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(health);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }
            await error.WriteLineAsync($"Unhealthy: {health} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"Unhealthy: {health} did not answer ({e.Message}).");
            return 1;
        }
    }
}
