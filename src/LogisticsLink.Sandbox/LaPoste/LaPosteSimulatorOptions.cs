namespace LogisticsLink.Sandbox.LaPoste;

/// <summary>How the La Poste simulator behaves: the Okapi key it accepts and how fast its parcels move.</summary>
public sealed class LaPosteSimulatorOptions
{
    public string ApiKey { get; set; } = "sandbox-laposte-okapi-key";

    /// <summary>Time between two events of a simulated parcel.</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The offset of the simulated events' dates (France in winter).</summary>
    public TimeSpan LocalOffset { get; set; } = TimeSpan.FromHours(1);
}
