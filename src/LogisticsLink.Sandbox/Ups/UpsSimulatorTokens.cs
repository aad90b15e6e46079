using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LogisticsLink.Sandbox.Ups;

/// <summary>The access tokens the simulator issued and until when each is good, on the simulator's clock.</summary>
internal sealed class UpsSimulatorTokens(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);

    public string Issue()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _issued[token] = time.GetUtcNow() + lifetime;
        return token;
    }

    public bool IsValid(string? token) =>
        token is not null && _issued.TryGetValue(token, out var expiresAt) && time.GetUtcNow() < expiresAt;
}
