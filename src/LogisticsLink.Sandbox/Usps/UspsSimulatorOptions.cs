namespace LogisticsLink.Sandbox.Usps;

/// <summary>How the USPS simulator behaves: the credentials it accepts, the scopes its tokens carry, how fast parcels and tokens age.</summary>
public sealed class UspsSimulatorOptions
{
    /// <summary>The only consumer key / secret pair the token endpoint accepts.</summary>
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }

    /// <summary>The app's API products as token scopes; without "tracking", tracking calls answer 401 as USPS does.</summary>
    public string GrantedScopes { get; init; } = "addresses service-delivery-standards locations prices tracking labels";

    /// <summary>Time between two scans of a parcel, counted from the first time the simulator is asked about it.</summary>
    public TimeSpan StepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The tokens' <c>expires_in</c> (USPS: 28,799 s, about 8 hours).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(28799);

    /// <summary>The scan sites' UTC offset, used for the local <c>eventTimestamp</c> and <c>GMTOffset</c>.</summary>
    public TimeSpan LocalOffset { get; init; } = TimeSpan.FromHours(1);
}
