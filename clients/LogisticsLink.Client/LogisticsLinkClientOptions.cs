namespace LogisticsLink.Client;

/// <summary>Where the LogisticsLink gRPC endpoint is and which API key (tenant) to call it with.</summary>
public sealed class LogisticsLinkClientOptions
{
    /// <summary>The gRPC (HTTP/2) endpoint, e.g. <c>http://localhost:5080</c>. Not the HTTP/1.1 web port.</summary>
    public Uri? Address { get; set; }

    /// <summary>The tenant's API key, sent as <c>authorization: Bearer &lt;key&gt;</c> on every call.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// Returns what is wrong with these options, naming the option, or null when they are usable.
    /// The key itself never appears in the message.
    /// </summary>
    public string? Validate()
    {
        if (Address is null)
        {
            return $"{nameof(LogisticsLinkClientOptions)}.{nameof(Address)} is required (e.g. http://localhost:5080).";
        }

        if (!Address.IsAbsoluteUri || (Address.Scheme != Uri.UriSchemeHttp && Address.Scheme != Uri.UriSchemeHttps))
        {
            return $"{nameof(LogisticsLinkClientOptions)}.{nameof(Address)} must be an absolute http:// or https:// URI.";
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            return $"{nameof(LogisticsLinkClientOptions)}.{nameof(ApiKey)} is required.";
        }

        // A control character or space would corrupt the header (or smuggle another one) rather than fail cleanly.
        if (ApiKey.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return $"{nameof(LogisticsLinkClientOptions)}.{nameof(ApiKey)} must not contain spaces or control characters.";
        }

        return null;
    }
}
