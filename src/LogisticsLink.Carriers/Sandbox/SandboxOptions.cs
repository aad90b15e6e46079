namespace LogisticsLink.Carriers.Sandbox;

/// <summary>Bound from the <c>Sandbox</c> configuration section.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Serve the built-in sandbox carrier (numbers LLSB + 10 digits).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two scans of a sandbox parcel.</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
