namespace LogisticsLink.Sandbox.Dhl;

/// <summary>How the DHL simulator behaves: the API key it accepts and how fast its parcels move.</summary>
public sealed class DhlSimulatorOptions
{
    /// <summary>The only consumer key the <c>DHL-API-Key</c> header may carry.</summary>
    public required string ApiKey { get; init; }

    /// <summary>Time between two scans of a parcel, counted from the first time the simulator is asked about it.</summary>
    public TimeSpan StepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The scan sites' UTC offset, for the scenarios whose timestamps carry one.</summary>
    public TimeSpan LocalOffset { get; init; } = TimeSpan.FromHours(1);
}
