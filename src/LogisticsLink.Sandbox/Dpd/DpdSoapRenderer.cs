using System.Globalization;
using System.Xml.Linq;
using LogisticsLink.Carriers.Dpd;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Sandbox.Dpd;

/// <summary>Renders the DPD services' answers in their SOAP shape (as captured from the BE service).</summary>
internal static class DpdSoapRenderer
{
    private static readonly XNamespace Soap = DpdDefaults.SoapNamespace;
    private static readonly XNamespace LifeCycle = DpdDefaults.LifeCycleNamespace;
    private static readonly XNamespace Login = DpdDefaults.LoginNamespace;
    private static readonly XNamespace Auth = DpdDefaults.AuthenticationNamespace;
    private static readonly (string Code, string Label)[] Ahead = [("Courier", "Parcel out for delivery"), ("Delivered", "Delivered")];

    public static string LoginAnswer(DpdSimulatorOptions options, string token, DateTimeOffset expiresAt) => Envelope(
        new XElement(Login + "getAuthResponse",
            new XElement("return",
                new XElement("delisId", options.DelisId),
                new XElement("customerUid", options.DelisId),
                new XElement("authToken", token),
                new XElement("depot", options.Depot),
                // DPD's quirk: the expiry is a wall time without an offset.
                new XElement("authTokenExpires", Wall(expiresAt, options.Zone, "yyyy-MM-dd'T'HH:mm:ss.fff")))));

    public static string AuthenticationFault() => Envelope(
        new XElement(Soap + "Fault",
            new XElement("faultcode", "soap:Server"),
            new XElement("faultstring", "Fault occured"),
            new XElement("detail",
                new XElement(Auth + "authenticationFault",
                    new XElement("errorCode", DpdDefaults.AuthenticationErrorCode),
                    new XElement("errorMessage", "Authentication failure, check delisId and password.")))));

    /// <summary>A client fault with the simulator's own message (DPD's codes for these cases are not documented).</summary>
    public static string ClientFault(string message) => Envelope(
        new XElement(Soap + "Fault", new XElement("faultcode", "soap:Client"), new XElement("faultstring", message)));

    /// <summary>An empty trackingresult: DPD has nothing for the number.</summary>
    public static string Unknown() => Envelope(new XElement(LifeCycle + "getTrackingDataResponse", new XElement(LifeCycle + "trackingresult")));

    /// <summary>The first <paramref name="visible"/> steps of the lifecycle, reached, plus the milestones still ahead.</summary>
    public static string Tracking(SandboxScenario scenario, int visible, DateTimeOffset firstSeen, DpdSimulatorOptions options)
    {
        var statuses = scenario.Steps.Take(visible).Select(DpdSimulatedStatus.From).ToList();
        var shipmentError = statuses.Where(s => s.IsShipmentData).Select(s => s.ErrorText).LastOrDefault(t => t.Length > 0) ?? "";
        var reached = new List<XElement>();
        for (var k = 0; k < visible; k++)
        {
            if (!statuses[k].IsShipmentData)
            {
                reached.Add(StatusInfo(statuses[k], scenario.Steps[k].Location, firstSeen + options.StepInterval * k, options.Zone));
            }
        }
        if (reached.Count > 0)
        {
            reached[^1].Element(LifeCycle + "isCurrentStatus")!.Value = "true";
        }
        if (scenario.ScrambleReports)
        {
            // Newest first, the newest twice: the order and uniqueness of DPD's list must not matter.
            reached.Reverse();
            if (reached.Count > 0)
            {
                reached.Add(new XElement(reached[0]));
            }
        }
        var finished = statuses.Count > 0 && (statuses[^1].Status == "Delivered" || shipmentError.Length > 0);
        var ahead = finished ? [] : Milestones(statuses);

        var shipment = new XElement(LifeCycle + "shipmentInfo",
            Item("serviceDescription", "Your DPD service:", "DPD CLASSIC"),
            new XElement(LifeCycle + "status", "SHIPMENT"),
            Line("label", "Shipment data received"),
            Item("description", "", "DPD has received the shipment data."),
            Flag("statusHasBeenReached", true),
            Flag("isCurrentStatus", reached.Count == 0),
            Flag("showContactInfo", false),
            shipmentError.Length > 0 ? Item("errorItems", "", shipmentError) : null);

        return Envelope(new XElement(LifeCycle + "getTrackingDataResponse",
            new XElement(LifeCycle + "trackingresult", shipment, reached, ahead)));
    }

    /// <summary>The lifecycle's remaining milestones, not reached and without a date, as DPD lists them.</summary>
    private static IEnumerable<XElement> Milestones(List<DpdSimulatedStatus> statuses)
    {
        var seen = statuses.Select(s => s.Status).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, label) in Ahead)
        {
            if (!seen.Contains(code))
            {
                yield return new XElement(LifeCycle + "statusInfo",
                    new XElement(LifeCycle + "status", code),
                    Line("label", label),
                    Item("description", "", ""),
                    Flag("statusHasBeenReached", false),
                    Flag("isCurrentStatus", false),
                    Flag("showContactInfo", false));
            }
        }
    }

    private static XElement StatusInfo(DpdSimulatedStatus status, TrackingLocation location, DateTimeOffset at, TimeZoneInfo zone) =>
        new(LifeCycle + "statusInfo",
            new XElement(LifeCycle + "status", status.Status),
            Line("label", status.Label),
            Item("description", "", status.Description),
            Flag("statusHasBeenReached", true),
            Flag("isCurrentStatus", false),
            Flag("showContactInfo", true),
            Line("location", $"{location.City} ({location.CountryCode})"),
            Line("date", Wall(at, zone, "M/d/yyyy h:mm:ss tt")),
            status.ErrorText.Length > 0 ? Item("errorItems", "", status.ErrorText) : null);

    private static XElement Line(string name, string text) => new(LifeCycle + name,
        new XElement(LifeCycle + "content", text),
        new XElement(LifeCycle + "bold", name is "label" or "location" or "date" ? "true" : "false"),
        new XElement(LifeCycle + "paragraph", "false"));

    private static XElement Item(string name, string label, string text) => new(LifeCycle + name,
        label.Length > 0 ? Line("label", label) : null,
        Line("content", text));

    private static XElement Flag(string name, bool value) => new(LifeCycle + name, value ? "true" : "false");

    private static string Wall(DateTimeOffset at, TimeZoneInfo zone, string format) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.InvariantCulture);

    private static string Envelope(XElement payload) =>
        new XDocument(new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soap", Soap.NamespaceName),
            new XElement(Soap + "Body", payload))).ToString(SaveOptions.DisableFormatting);
}
