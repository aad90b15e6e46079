using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Orders;

/// <summary>
/// Encrypts marketplace credentials at rest with AES-256-GCM under <c>Marketplaces:EncryptionKey</c> (32 bytes,
/// base64). The tenant and channel are bound as associated data, so a row copied to another tenant does not decrypt.
/// </summary>
public sealed class CredentialProtector(IOptions<MarketplaceSecurityOptions> options)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public bool IsConfigured => Key is not null;

    public byte[] Protect(string tenantId, string channel, IReadOnlyDictionary<string, string> credentials)
    {
        var key = Key ?? throw new InvalidOperationException($"{MarketplaceSecurityOptions.KeyName} is not configured.");
        var plain = JsonSerializer.SerializeToUtf8Bytes(credentials);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), AssociatedData(tenantId, channel));
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    public IReadOnlyDictionary<string, string> Unprotect(string tenantId, string channel, byte[] sealedBytes)
    {
        var key = Key ?? throw new InvalidOperationException($"{MarketplaceSecurityOptions.KeyName} is not configured.");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain,
            AssociatedData(tenantId, channel));
        return JsonSerializer.Deserialize<Dictionary<string, string>>(plain) ?? [];
    }

    private byte[]? Key => string.IsNullOrEmpty(options.Value.EncryptionKey) ? null : Convert.FromBase64String(options.Value.EncryptionKey);

    private static byte[] AssociatedData(string tenantId, string channel) => System.Text.Encoding.UTF8.GetBytes($"{tenantId}\n{channel}");
}

/// <summary>Bound from <c>Marketplaces</c>; the key is validated at start-up when present.</summary>
public sealed class MarketplaceSecurityOptions
{
    public const string Section = "Marketplaces";
    public const string KeyName = "Marketplaces:EncryptionKey";

    /// <summary>32 random bytes, base64 (e.g. <c>openssl rand -base64 32</c>). Without it ConnectMarketplace is refused.</summary>
    public string? EncryptionKey { get; set; }
}
