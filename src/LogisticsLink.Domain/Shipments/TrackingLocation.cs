namespace LogisticsLink.Domain.Shipments;

/// <summary>Where an event happened; every part may be empty.</summary>
public sealed record TrackingLocation(string City = "", string Region = "", string PostalCode = "", string CountryCode = "")
{
    public static readonly TrackingLocation Unknown = new();
}
