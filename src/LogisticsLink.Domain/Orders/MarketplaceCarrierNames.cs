namespace LogisticsLink.Domain.Orders;

/// <summary>
/// Maps the carrier names and codes marketplaces use (Amazon's CarrierCode list, Shopify's tracking company, eBay's
/// shippingCarrierCode) onto our carrier codes. Unknown names give "" so detection decides from the number.
/// </summary>
public static class MarketplaceCarrierNames
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UPS"] = "ups", ["UPS Mail Innovations"] = "ups", ["UPSMI"] = "ups",
        ["FedEx"] = "fedex", ["FEDEX"] = "fedex", ["FedEx SmartPost"] = "fedex", ["Fedex Ground"] = "fedex",
        ["USPS"] = "usps", ["United States Postal Service"] = "usps",
        ["DHL"] = "dhl", ["DHL Express"] = "dhl", ["DHL eCommerce"] = "dhl", ["DHL Paket"] = "dhl", ["DHL_EXPRESS"] = "dhl",
        ["DPD"] = "dpd", ["DPD UK"] = "dpd", ["DPD Germany"] = "dpd", ["DPD France"] = "dpd",
        ["Royal Mail"] = "royalmail", ["RoyalMail"] = "royalmail", ["ROYAL_MAIL"] = "royalmail", ["Parcelforce"] = "royalmail",
        ["La Poste"] = "laposte", ["LaPoste"] = "laposte", ["Colissimo"] = "laposte", ["Chronopost"] = "laposte",
        ["Amazon"] = "amazon", ["Amazon Logistics"] = "amazon", ["Amazon Shipping"] = "amazon",
        ["AMZN_US"] = "amazon", ["AMZN_UK"] = "amazon", ["AMZN_DE"] = "amazon", ["AMZN_FR"] = "amazon",
        ["AMZN_IT"] = "amazon", ["AMZN_ES"] = "amazon", ["AMZL"] = "amazon", ["AMZL_US"] = "amazon", ["AMZL_UK"] = "amazon",
        ["SMARTPOST"] = "fedex", ["AMZN_CA"] = "amazon", ["AMZN_JP"] = "amazon",
        ["Sandbox"] = "sandbox", ["LogisticsLink Sandbox"] = "sandbox",
    };

    /// <summary>Our carrier code for a marketplace's carrier name, or "" when it is not one we know.</summary>
    public static string ToCarrierCode(string? marketplaceName) =>
        marketplaceName is { Length: > 0 } name && Codes.TryGetValue(name.Trim(), out var code) ? code : "";
}
