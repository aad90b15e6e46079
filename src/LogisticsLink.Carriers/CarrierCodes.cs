namespace LogisticsLink.Carriers;

/// <summary>The carrier codes of the contract (lower case).</summary>
public static class CarrierCodes
{
    public const string Sandbox = "sandbox";

    /// <summary>Amazon Shipping (SP-API Shipping v2): the labels sellers buy from Amazon.</summary>
    public const string Amazon = "amazon";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "ups", "fedex", "usps", "dhl", "dpd", "laposte", "royalmail", Amazon, Sandbox,
    };
}
