using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Support;

/// <summary>Bound from <c>Support</c>.</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";
    public const string EvidenceKeyName = "Support:EvidenceKey";

    /// <summary>
    /// The HMAC-SHA256 key evidence packs are signed with: at least 32 random bytes, base64
    /// (<c>openssl rand -base64 32</c>). Without it GetEvidence and VerifyEvidence answer FAILED_PRECONDITION.
    /// Keep it: packs signed under a lost key can no longer be verified.
    /// </summary>
    public string? EvidenceKey { get; set; }

    /// <summary>The decoded key, or null when not configured.</summary>
    public byte[]? EvidenceKeyBytes => string.IsNullOrWhiteSpace(EvidenceKey) ? null : Convert.FromBase64String(EvidenceKey);
}

/// <summary>Start-up validation of <see cref="SupportOptions"/>, naming the key that is wrong.</summary>
public sealed class SupportOptionsValidation : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.EvidenceKey))
        {
            return ValidateOptionsResult.Success;
        }
        var bytes = new byte[options.EvidenceKey.Length];
        return Convert.TryFromBase64String(options.EvidenceKey.Trim(), bytes, out var length) && length >= 32
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SupportOptions.EvidenceKeyName} must be at least 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`).");
    }
}
