using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LogisticsLink.Sandbox.Amazon;

/// <summary>LWA access tokens the simulator issued, each valid until its expiry or until a fault revokes it.</summary>
internal sealed class AmazonSimulatorTokens(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);

    public string Issue(TimeSpan lifetime)
    {
        var token = "Atza|" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        _issued[token] = time.GetUtcNow() + lifetime;
        return token;
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
