using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LogisticsLink.Sandbox.Dpd;

/// <summary>authTokens the simulator issued, each valid until its expiry or until a fault revokes it.</summary>
internal sealed class DpdSimulatorTokens(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);

    public (string Token, DateTimeOffset ExpiresAt) Issue(TimeSpan lifetime)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        var expiresAt = time.GetUtcNow() + lifetime;
        _issued[token] = expiresAt;
        return (token, expiresAt);
    }

    public bool IsValid(string? token) =>
        token is not null && _issued.TryGetValue(token, out var expiresAt) && time.GetUtcNow() < expiresAt;

    public void Revoke(string? token)
    {
        if (token is not null)
        {
            _issued.TryRemove(token, out _);
        }
    }
}
