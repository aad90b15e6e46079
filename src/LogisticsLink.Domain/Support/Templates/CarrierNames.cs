namespace LogisticsLink.Domain.Support.Templates;

/// <summary>How a carrier is named to a buyer.</summary>
public static class CarrierNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["ups"] = "UPS", ["fedex"] = "FedEx", ["usps"] = "USPS", ["dhl"] = "DHL", ["dpd"] = "DPD", ["laposte"] = "La Poste",
        ["royalmail"] = "Royal Mail", ["amazon"] = "Amazon Shipping", ["sandbox"] = "Sandbox Express",
    };

    public static string Display(string carrierCode) =>
        Names.TryGetValue(carrierCode, out var name) ? name : carrierCode.ToUpperInvariant();
}
