using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LogisticsLink.Sandbox.Usps;

/// <summary>The access tokens the simulator issued, until when each is good (on the simulator's clock) and its scopes.</summary>
internal sealed class UspsSimulatorTokens(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset ExpiresAt, string Scopes)> _issued = new(StringComparer.Ordinal);

    public string Issue(string scopes)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _issued[token] = (time.GetUtcNow() + lifetime, scopes);
        return token;
    }

    public void Revoke(string? token)
    {
        if (token is not null)
        {
            _issued.TryRemove(token, out _);
        }
    }

    /// <summary>The token's scopes while it is good; null for an unknown, revoked or expired token.</summary>
    public string? ScopesOf(string? token) =>
        token is not null && _issued.TryGetValue(token, out var issued) && time.GetUtcNow() < issued.ExpiresAt ? issued.Scopes : null;
}
