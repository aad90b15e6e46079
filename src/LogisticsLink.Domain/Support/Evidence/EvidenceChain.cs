using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LogisticsLink.Domain.Support.Evidence;

/// <summary>
/// Makes an evidence pack tamper-evident. Each entry is serialized canonically (JSON, keys in ordinal order, no
/// whitespace) and hashed together with the previous entry's hash: <c>hash[i] = SHA-256(hash[i-1] ‖ canonical[i])</c>,
/// <c>hash[-1]</c> = 64 zeros. The last hash (the head) is signed with HMAC-SHA256 under the server's evidence key, over
/// the head and the pack's header, so neither an entry nor the header can change unnoticed.
/// </summary>
public static class EvidenceChain
{
    /// <summary>
    /// The pack format, itself part of the signed header: the header ends with the SHA-256 of claim_summary, so the
    /// summary pasted into a claim cannot be edited unnoticed either.
    /// </summary>
    public const string Algorithm = "SHA-256 chain, HMAC-SHA256 signature, claim_summary SHA-256 in the header";

    /// <summary>
    /// The format of packs made before claim_summary was signed. Such packs are still verified (their entries and
    /// header are as safe as ever); their summary is not covered.
    /// </summary>
    public const string AlgorithmWithoutSummary = "SHA-256 chain, HMAC-SHA256 signature";

    /// <summary>SHA-256 (hex) of a text's UTF-8 bytes.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    public static readonly string Genesis = new('0', 64);

    public static string Canonical(EvidenceEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("fields");
            foreach (var (name, value) in entry.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
            writer.WriteString("key", entry.Key);
            writer.WriteString("kind", entry.Kind);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The hash of each entry, in order.</summary>
    public static IReadOnlyList<string> Hashes(IReadOnlyList<EvidenceEntry> entries)
    {
        var hashes = new List<string>(entries.Count);
        var previous = Genesis;
        foreach (var entry in entries)
        {
            previous = Link(previous, entry);
            hashes.Add(previous);
        }
        return hashes;
    }

    public static string Link(string previousHash, EvidenceEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry))));

    /// <summary>HMAC-SHA256 (hex) of the header and the chain's head.</summary>
    public static string Sign(byte[] key, string header, string head) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(header + "\n" + head)));

    /// <summary>Checks a pack as received: every entry's hash, then the signature. Null when intact, else what is wrong.</summary>
    public static EvidenceProblem? Verify(byte[] key, string header, IReadOnlyList<(EvidenceEntry Entry, string Hash)> entries, string signature)
    {
        var previous = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var expected = Link(previous, entries[i].Entry);
            if (!string.Equals(expected, entries[i].Hash, StringComparison.OrdinalIgnoreCase))
            {
                return new EvidenceProblem(i, $"entry {i} ({entries[i].Entry.Kind} {entries[i].Entry.Key}) does not match its hash: it was changed after the pack was made");
            }
            previous = expected;
        }
        var expectedSignature = Sign(key, header, previous);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedSignature), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()))
            ? null
            : new EvidenceProblem(-1, "the signature does not match: the pack's header or entries were changed, or it was signed with another key");
    }
}

/// <param name="EntryIndex">The first bad entry, or -1 when the pack as a whole (header, signature) is wrong.</param>
public sealed record EvidenceProblem(int EntryIndex, string Reason);
