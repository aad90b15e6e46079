namespace LogisticsLink.Server.Hosting;

/// <summary>
/// <c>Kestrel:Endpoints:&lt;Name&gt;:Url</c>, checked with the other settings. Kestrel refuses a URL without its scheme
/// ("127.0.0.1:5080") only once the host starts, as a crash whose message ("Invalid url: …") names no key.
/// </summary>
public static class EndpointUrlsCheck
{
    public const string Section = "Kestrel:Endpoints";

    public static IEnumerable<string> Errors(IConfiguration configuration) =>
        from endpoint in configuration.GetSection(Section).GetChildren()
        let url = endpoint["Url"]
        where url is not null && !IsHttpUrl(url)
        select $"{Section}:{endpoint.Key}:Url must be an http or https URL, scheme included, such as http://0.0.0.0:5080 (got '{url}').";

    /// <summary>Kestrel's own form: a scheme, "://", then a host that may be * or + (every address), which System.Uri does not parse.</summary>
    private static bool IsHttpUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || url.Length == schemeEnd + 3)
        {
            return false;
        }
        var scheme = url[..schemeEnd];
        return scheme.Equals(Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) || scheme.Equals(Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);
    }
}
