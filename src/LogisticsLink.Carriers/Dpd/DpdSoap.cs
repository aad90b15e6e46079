using System.Xml;
using System.Xml.Linq;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>The SOAP envelopes this adapter sends and the faults DPD answers with.</summary>
public static class DpdSoap
{
    private static readonly XNamespace Soap = DpdDefaults.SoapNamespace;
    private static readonly XNamespace Login = DpdDefaults.LoginNamespace;
    private static readonly XNamespace Auth = DpdDefaults.AuthenticationNamespace;
    private static readonly XNamespace LifeCycle = DpdDefaults.LifeCycleNamespace;

    /// <summary>A SOAP fault: DPD's <c>errorCode</c>/<c>errorMessage</c> detail when present, else faultcode/faultstring.</summary>
    public sealed record Fault(string Code, string Message)
    {
        public bool IsAuthentication => Code.Equals(DpdDefaults.AuthenticationErrorCode, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => $"{Code} {Message}".Trim();
    }

    /// <summary><c>getAuth{delisId, password, messageLanguage}</c> for the login service.</summary>
    public static string GetAuth(string delisId, string password) => Envelope(
        new XElement(Soap + "Header"),
        new XElement(Login + "getAuth",
            new XElement("delisId", delisId),
            new XElement("password", password),
            new XElement("messageLanguage", DpdDefaults.MessageLanguage)));

    /// <summary><c>getTrackingData{parcelLabelNumber}</c> with the <c>authentication</c> SOAP header.</summary>
    public static string GetTrackingData(string delisId, string authToken, string parcelNumber) => Envelope(
        new XElement(Soap + "Header",
            new XElement(Auth + "authentication",
                new XElement("delisId", delisId),
                new XElement("authToken", authToken),
                new XElement("messageLanguage", DpdDefaults.MessageLanguage))),
        new XElement(LifeCycle + "getTrackingData", new XElement("parcelLabelNumber", parcelNumber)));

    /// <summary>The fault in a SOAP answer, or null when the body is not XML or carries no fault.</summary>
    public static Fault? ReadFault(string body)
    {
        try
        {
            return ReadFault(XDocument.Parse(body));
        }
        catch (XmlException)
        {
            return null;
        }
    }

    internal static Fault? ReadFault(XDocument document)
    {
        if (document.Descendant("Fault") is not { } fault)
        {
            return null;
        }
        // DPD's detail: authenticationFault{errorCode, errorMessage} or the service's faults{faultCode, message}.
        var detail = fault.Child("detail")?.Elements().FirstOrDefault();
        var code = FirstNonEmpty(detail.Text("errorCode"), detail.Text("faultCode"), fault.Text("faultcode"));
        var message = FirstNonEmpty(detail.Text("errorMessage"), detail.Text("message"), fault.Text("faultstring"));
        return new Fault(code, message);
    }

    private static string Envelope(XElement header, XElement payload) =>
        new XDocument(new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", Soap.NamespaceName),
            header,
            new XElement(Soap + "Body", payload))).ToString(SaveOptions.DisableFormatting);

    private static string FirstNonEmpty(params string[] texts) => texts.FirstOrDefault(t => t.Length > 0) ?? "";
}
