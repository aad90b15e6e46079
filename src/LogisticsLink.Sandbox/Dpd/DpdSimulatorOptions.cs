using LogisticsLink.Carriers.Dpd;

namespace LogisticsLink.Sandbox.Dpd;

/// <summary>How the DPD simulator behaves: the DELIS login it accepts, how long its tokens live, how fast parcels move.</summary>
public sealed class DpdSimulatorOptions
{
    /// <summary>The only DELIS id / password pair the login service accepts.</summary>
    public string DelisId { get; init; } = "sandboxdpd";
    public string Password { get; init; } = "sandbox-dpd-password";

    /// <summary>The depot the login answer names.</summary>
    public string Depot { get; init; } = "0530";

    /// <summary>How long an authToken is valid; its expiry is announced as a wall time of <see cref="Zone"/>.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Time between two scans of a parcel, counted from the first time the simulator is asked about it.</summary>
    public TimeSpan StepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The zone of the wall times DPD writes (Central European time).</summary>
    public TimeZoneInfo Zone { get; init; } = DpdTimestamps.Zone;
}
