namespace LogisticsLink.Server.Auth;

/// <summary>Bound from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
}

/// <summary>One API key: either the key itself or its SHA-256 (hex), and the tenant it acts for.</summary>
public sealed class ApiKeyOptions
{
    public string? Key { get; set; }
    public string? KeySha256 { get; set; }
    public string Tenant { get; set; } = "";
}
