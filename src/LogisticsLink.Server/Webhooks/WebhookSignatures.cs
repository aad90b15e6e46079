using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LogisticsLink.Server.Webhooks;

/// <summary>
/// Credential and signature checks for webhooks. Every comparison takes the same time whatever the input, so a caller
/// cannot find a secret byte by byte by timing the answers.
/// </summary>
public static class WebhookSignatures
{
    /// <summary>Header with the signing time of an aggregator delivery, in Unix seconds.</summary>
    public const string TimestampHeader = "X-LogisticsLink-Timestamp";

    /// <summary>Header with base64(HMAC-SHA256(secret, timestamp + "." + raw body)) of an aggregator delivery.</summary>
    public const string SignatureHeader = "X-LogisticsLink-Signature";

    /// <summary>The header in which UPS Track Alert returns the subscriber's credential.</summary>
    public const string UpsCredentialHeader = "credential";

    /// <summary>
    /// Compares a presented credential with the configured one in constant time. Both are hashed first, so neither
    /// the length nor a matching prefix shows in the time taken.
    /// </summary>
    public static bool CredentialMatches(string? presented, string expected)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>The signature of <paramref name="body"/> signed at <paramref name="timestamp"/>, base64.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return Convert.ToBase64String(hmac.GetHashAndReset());
    }

    /// <summary>The instant an aggregator delivery's <see cref="TimestampHeader"/> names; null when it is not Unix seconds.</summary>
    public static DateTimeOffset? SignedAt(string? timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) &&
        seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>
    /// Checks an aggregator delivery: a timestamp within <paramref name="tolerance"/> of <paramref name="now"/> and a
    /// signature over that timestamp and the body. Returns null when it holds, otherwise why not (for the log: it
    /// never contains the secret, the signature or the body).
    /// </summary>
    public static string? Verify(
        string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return $"missing {(string.IsNullOrEmpty(timestamp) ? TimestampHeader : SignatureHeader)} header";
        }
        if (SignedAt(timestamp) is not { } signedAt)
        {
            return $"{TimestampHeader} is not Unix seconds";
        }
        if ((now - signedAt).Duration() > tolerance)
        {
            return $"{TimestampHeader} is {(signedAt < now ? "older" : "further ahead")} than the tolerance allows (replay or clock skew)";
        }
        Span<byte> presented = stackalloc byte[32];
        if (!Convert.TryFromBase64String(signature.Trim(), presented, out var written) || written != presented.Length)
        {
            return $"{SignatureHeader} is not a base64 HMAC-SHA256";
        }
        var expected = Convert.FromBase64String(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? null : "signature mismatch";
    }
}
