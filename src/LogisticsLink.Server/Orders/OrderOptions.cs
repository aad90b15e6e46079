using System.ComponentModel.DataAnnotations;

namespace LogisticsLink.Server.Orders;

/// <summary>Bound from <c>Orders</c>.</summary>
public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>
    /// How often unshipped orders are checked against their latest ship date, and shipments whose time-driven flags came
    /// due are judged again (<see cref="LogisticsLink.Server.Tracking.ShipmentRiskSweeper"/>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Orders:SweepInterval must be between 1 second and 1 day.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
