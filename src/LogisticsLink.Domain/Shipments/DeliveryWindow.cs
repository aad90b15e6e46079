namespace LogisticsLink.Domain.Shipments;

/// <summary>The span within which the carrier expects to deliver (UPS "between 10:00 and 14:00", DHL's window).</summary>
public sealed record DeliveryWindow(DateTimeOffset Start, DateTimeOffset End);
