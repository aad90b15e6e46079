using System.Security.Cryptography;
using System.Text;

namespace LogisticsLink.Server.Auth;

/// <summary>
/// Resolves an API key to its tenant. Only SHA-256 digests are kept in memory, so a configured key never lingers in
/// a dump and lookups cost the same whatever the key.
/// </summary>
public sealed class ApiKeyRegistry
{
    private readonly Dictionary<string, string> _tenantByDigest = new(StringComparer.Ordinal);

    public int Count => _tenantByDigest.Count;

    public void Add(ApiKeyOptions key)
    {
        var digest = key.KeySha256?.ToLowerInvariant() ?? Digest(key.Key!);
        _tenantByDigest[digest] = key.Tenant;
    }

    public bool TryResolve(string presentedKey, out string tenant) =>
        _tenantByDigest.TryGetValue(Digest(presentedKey), out tenant!);

    public static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
