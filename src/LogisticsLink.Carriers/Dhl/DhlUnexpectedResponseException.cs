namespace LogisticsLink.Carriers.Dhl;

/// <summary>
/// DHL answered with something this adapter cannot read safely. Thrown inside the adapter only and always turned into
/// a failed result for the one shipment: a status read from a body we do not understand could be a wrong status.
/// </summary>
public sealed class DhlUnexpectedResponseException(string message) : Exception(message);
