namespace LogisticsLink.Domain.Risks;

/// <summary>Kinds of trouble flagged before the buyer escalates. Numeric values equal the contract's <c>RiskKind</c>.</summary>
public enum RiskKind
{
    Unspecified = 0,
    Delayed = 1,
    Stalled = 2,
    Exception = 3,
    AttemptFailed = 4,
    Returning = 5,
    Lost = 6,
    LateShipment = 7,
    NoValidTracking = 8,
    ClaimOpen = 9,
}
