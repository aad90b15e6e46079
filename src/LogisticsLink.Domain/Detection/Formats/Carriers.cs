namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>Carrier codes detection can name: those of <c>Shipment.carrier</c>, plus two that only detection uses.</summary>
internal static class Carriers
{
    public const string Ups = "ups";
    public const string FedEx = "fedex";
    public const string Usps = "usps";
    public const string Dhl = "dhl";
    public const string Dpd = "dpd";
    public const string LaPoste = "laposte";
    public const string RoyalMail = "royalmail";
    public const string Amazon = "amazon";
    public const string Sandbox = "sandbox";

    /// <summary>An S10 item of a postal operator LogisticsLink has no connector for (the country is in the format name).</summary>
    public const string Upu = "upu";

    /// <summary>No connector; named because its 12-digit numbers are a documented collision with FedEx Express.</summary>
    public const string Purolator = "purolator";
}
