namespace LogisticsLink.Carriers.LaPoste;

/// <summary>La Poste Suivi v2 ("Okapi") published limits and endpoints, for wiring the adapter.</summary>
public static class LaPosteDefaults
{
    public const string Code = "laposte";

    /// <summary>The Suivi plan's rate limit: 10 calls per second (<c>CarrierOptions.RateLimitPermits</c>).</summary>
    public const int RateLimitPermits = 10;

    /// <summary>The window of <see cref="RateLimitPermits"/> (<c>CarrierOptions.RateLimitWindow</c>).</summary>
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(1);

    /// <summary>Identifiers La Poste accepts in one <c>idships</c> call (comma-separated).</summary>
    public const int MaxIdsPerRequest = 10;

    public static readonly Uri ProductionBaseUrl = new("https://api.laposte.fr");

    /// <summary>Appended to the base URL, then the comma-separated identifiers.</summary>
    public const string TrackPath = "/suivi/v2/idships/";

    /// <summary>Texts in English; La Poste's default is fr_FR, and the incident rules read both.</summary>
    public const string Language = "en_GB";

    public const string ApiKeyHeader = "X-Okapi-Key";

    /// <summary>The public tracking page when the answer carries no <c>url</c>.</summary>
    public static string TrackingUrl(string idShip) =>
        "https://www.laposte.fr/outils/suivre-vos-envois?code=" + Uri.EscapeDataString(idShip);
}
