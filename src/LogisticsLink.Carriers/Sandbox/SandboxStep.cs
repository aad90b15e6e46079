using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Sandbox;

/// <summary>One scan of a sandbox lifecycle, in the vocabulary of a real carrier.</summary>
public sealed record SandboxStep(
    TrackingStatus Status,
    string Detail,
    string RawCode,
    string Description,
    TrackingLocation Location,
    /// <summary>Days added to the promised delivery date from this step on (a delay).</summary>
    int EtaSlipDays = 0);
