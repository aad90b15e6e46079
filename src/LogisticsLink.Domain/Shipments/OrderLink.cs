namespace LogisticsLink.Domain.Shipments;

/// <summary>The marketplace order a shipment belongs to. Both parts empty means "no order".</summary>
public sealed record OrderLink(string Channel, string OrderId)
{
    public static readonly OrderLink None = new("", "");

    public bool IsNone => Channel.Length == 0 && OrderId.Length == 0;
}
