namespace LogisticsLink.Sandbox.FedEx;

/// <summary>How the FedEx simulator behaves: which credentials it accepts and how fast its parcels move.</summary>
public sealed class FedExSimulatorOptions
{
    public string ClientId { get; set; } = "sandbox-fedex-client";
    public string ClientSecret { get; set; } = "sandbox-fedex-secret";

    /// <summary>The <c>expires_in</c> of issued tokens (FedEx: 60 minutes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Time between two scans of a simulated parcel.</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The offset of the simulated scans' local times (the sandbox lifecycles happen in France).</summary>
    public TimeSpan LocalOffset { get; set; } = TimeSpan.FromHours(1);
}
