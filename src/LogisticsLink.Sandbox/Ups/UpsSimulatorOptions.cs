namespace LogisticsLink.Sandbox.Ups;

/// <summary>How the UPS simulator behaves: the credentials it accepts and how fast its parcels and tokens age.</summary>
public sealed class UpsSimulatorOptions
{
    /// <summary>The only client id / secret pair the token endpoint accepts (HTTP Basic).</summary>
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }

    /// <summary>Time between two scans of a parcel, counted from the first time the simulator is asked about it.</summary>
    public TimeSpan StepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The tokens' <c>expires_in</c>. Short on purpose (UPS's is about 4 hours) so expiry is exercised.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The scan sites' UTC offset, used for UPS's local <c>date</c>/<c>time</c> beside the GMT fields.</summary>
    public TimeSpan LocalOffset { get; init; } = TimeSpan.FromHours(1);
}
