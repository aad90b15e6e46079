namespace LogisticsLink.Server.Hosting;

/// <summary>
/// `LogisticsLink.Server --health-probe URL`: exits 0 when the server at URL reports healthy. Lets the container's
/// HEALTHCHECK run without curl in the runtime image.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--health-probe";

    public static async Task<int> RunAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(url), "/healthz"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
