namespace LogisticsLink.Carriers.Http;

/// <summary>
/// Caches one carrier's OAuth access token until shortly before it expires. One refresh at a time: concurrent callers
/// wait for the same fetch instead of each asking the carrier for a token.
/// </summary>
public sealed class OAuthTokenCache(Func<CancellationToken, Task<OAuthToken>> fetch, TimeProvider time)
{
    /// <summary>Tokens are renewed this long before their announced expiry, so a request never carries a dying one.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private OAuthToken? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Valid(_current) is { } cached)
        {
            return cached;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Valid(_current) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }
            _current = await fetch(cancellationToken);
            return _current.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The carrier answered 401 with <paramref name="rejected"/>: forget it (unless a newer one replaced it already).</summary>
    public void Invalidate(string rejected)
    {
        if (_current?.AccessToken == rejected)
        {
            _current = null;
        }
    }

    private string? Valid(OAuthToken? token) =>
        token is not null && time.GetUtcNow() < token.ExpiresAt - RenewBefore ? token.AccessToken : null;
}

/// <summary>An access token and the instant it stops working.</summary>
public sealed record OAuthToken(string AccessToken, DateTimeOffset ExpiresAt);
