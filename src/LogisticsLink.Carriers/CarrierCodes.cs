namespace LogisticsLink.Carriers;

/// <summary>The carrier codes of the contract (lower case).</summary>
public static class CarrierCodes
{
    public const string Sandbox = "sandbox";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "ups", "fedex", "usps", "dhl", "dpd", "laposte", "royalmail", "amazon", Sandbox,
    };
}
