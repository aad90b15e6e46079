namespace LogisticsLink.Server.Hosting;

/// <summary>
/// One node's share of a carrier's request quota: so many requests per window. Configured values win key by key, and
/// the carrier's published quota fills in the other (<c>RateLimitPermits = 60</c> alone keeps USPS's one-hour
/// window). With <c>Cluster:Nodes</c> = N each node takes 1/N; a quota smaller than N is spread over a longer window
/// (DHL's 1 per 5 s on two nodes: 1 per 10 s each), so the nodes together never exceed it.
/// </summary>
public sealed record CarrierQuota(int Permits, TimeSpan Window)
{
    /// <summary>The quota for the whole deployment; null when nothing limits the carrier (0 permits).</summary>
    public static CarrierQuota? Of(int configuredPermits, TimeSpan? configuredWindow, (int Permits, TimeSpan Window)? published, TimeSpan defaultWindow)
    {
        var permits = configuredPermits > 0 ? configuredPermits : published?.Permits ?? 0;
        if (permits == 0)
        {
            return null;
        }
        var window = configuredWindow ?? published?.Window ?? defaultWindow;
        return new CarrierQuota(permits, window);
    }

    /// <summary>
    /// One node's share of a carrier's daily call budget: the configured <c>DailyQuota</c> (0: no daily cap), else the
    /// published one (none for a simulated carrier), divided among the nodes — at least one call each, so a cap never
    /// turns into "no cap". 0 when nothing caps the day.
    /// </summary>
    public static int DailyShare(int? configured, int? published, int nodes) =>
        (configured ?? published ?? 0) is > 0 and var daily ? Math.Max(1, daily / nodes) : 0;

    public CarrierQuota ShareOf(int nodes) => Permits >= nodes
        ? this with { Permits = Permits / nodes }
        : new CarrierQuota(1, Window * nodes / Permits);
}
