namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// UPS answered with a body this adapter cannot read safely. Thrown inside the adapter only, and always turned into a
/// failed result for the one shipment: a status read from a body we do not understand could be a wrong status.
/// </summary>
public sealed class UpsUnexpectedResponseException(string message) : Exception(message);
