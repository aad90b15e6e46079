namespace LogisticsLink.Sandbox.RoyalMail;

/// <summary>How the Royal Mail simulator behaves: the IBM client credentials it accepts and how fast items move.</summary>
public sealed class RoyalMailSimulatorOptions
{
    public string ClientId { get; set; } = "sandbox-royalmail-client";
    public string ClientSecret { get; set; } = "sandbox-royalmail-secret";

    /// <summary>Time between two events of a simulated item.</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The offset of the simulated events' dates (UK summer time, as in Royal Mail's own examples).</summary>
    public TimeSpan LocalOffset { get; set; } = TimeSpan.FromHours(1);
}
