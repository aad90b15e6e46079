namespace LogisticsLink.Server.Orders;

/// <summary>Bound from <c>Orders</c>.</summary>
public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>
    /// How often unshipped orders are checked against their latest ship date, and shipments whose time-driven flags came
    /// due are judged again (<see cref="LogisticsLink.Server.Tracking.ShipmentRiskSweeper"/>); 1 second to
    /// 1 day, checked in OptionsValidation.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many orders are judged at once after their shipments changed (1 to 64, checked in OptionsValidation). Each
    /// judgement is a few reads and a write; one at a time, a store with network round trips falls behind a busy fleet.
    /// </summary>
    public int ReviewConcurrency { get; set; } = 4;
}
