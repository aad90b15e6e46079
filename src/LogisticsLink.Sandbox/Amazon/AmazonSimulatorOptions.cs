namespace LogisticsLink.Sandbox.Amazon;

/// <summary>How the Amazon simulator behaves: the LWA credentials it accepts, token lifetime, how fast parcels move.</summary>
public sealed class AmazonSimulatorOptions
{
    /// <summary>The LWA app credentials and the seller's refresh token the token endpoint accepts.</summary>
    public string ClientId { get; init; } = "amzn1.application-oa2-client.sandbox";
    public string ClientSecret { get; init; } = "sandbox-amazon-secret";
    public string RefreshToken { get; init; } = "Atzr|sandbox-refresh-token";

    /// <summary>The access tokens' <c>expires_in</c> (LWA: one hour).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Time between two events of a parcel, counted from the first time the simulator is asked about it.</summary>
    public TimeSpan StepInterval { get; init; } = TimeSpan.FromMinutes(1);
}
