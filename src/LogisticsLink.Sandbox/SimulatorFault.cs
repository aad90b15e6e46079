namespace LogisticsLink.Sandbox;

/// <summary>What a simulator does instead of answering normally, queued by tests (or chosen by a sandbox number).</summary>
public enum SimulatorFault
{
    None,
    /// <summary>401 on the next tracking call (the token is treated as revoked).</summary>
    Unauthorized,
    /// <summary>429: throttled for a short while (with Retry-After: 1 where the carrier documents the header).</summary>
    TooManyRequests,
    /// <summary>503.</summary>
    ServerError,
    /// <summary>Never answers within any sane timeout.</summary>
    Hang,
    /// <summary>200 with a body that is not valid JSON.</summary>
    MalformedBody,
    /// <summary>429 saying the day's quota is spent, as FedEx words it ("Retry after 12:00AM GMT"); FedEx's simulator only.</summary>
    DailyQuotaExceeded,
}
