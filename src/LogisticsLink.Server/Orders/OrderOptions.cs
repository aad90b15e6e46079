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
}
