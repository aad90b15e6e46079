namespace LogisticsLink.Carriers.Tests.Dpd;

/// <summary>
/// DPD answers for parser tests. <see cref="RealCapture"/> keeps the values of the public capture of the BE service
/// (karrio's DPD tracking test, parcel 05308801410058, August 2021: Puurs → Mechelen, a failed delivery, a parcel
/// shop, a return pickup), reduced to the entries the tests need and re-indented; one entry is repeated verbatim and
/// a milestone not yet reached is added, as DPD sends them.
/// </summary>
internal static class DpdFixtures
{
    public const string ParcelNumber = "05308801410058";

    private static string Status(string code, string label, string description, string location, string date, bool current = false, bool reached = true) => $"""
        <statusInfo>
          <status>{code}</status>
          <label><content>{label}</content><bold>true</bold><paragraph>false</paragraph></label>
          <description><content><content>{description}</content><bold>false</bold><paragraph>false</paragraph></content></description>
          <statusHasBeenReached>{(reached ? "true" : "false")}</statusHasBeenReached>
          <isCurrentStatus>{(current ? "true" : "false")}</isCurrentStatus>
          <showContactInfo>true</showContactInfo>
          {(location.Length > 0 ? $"<location><content>{location}</content><bold>true</bold><paragraph>false</paragraph></location>" : "")}
          {(date.Length > 0 ? $"<date><content>{date}</content><bold>true</bold><paragraph>false</paragraph></date>" : "")}
        </statusInfo>
        """;

    public static string Envelope(string trackingResult) => $"""
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <soap:Body>
            <getTrackingDataResponse xmlns="http://dpd.com/common/service/types/ParcelLifeCycleService/2.0">
              <trackingresult>{trackingResult}</trackingresult>
            </getTrackingDataResponse>
          </soap:Body>
        </soap:Envelope>
        """;

    public const string ShipmentInfo = """
        <shipmentInfo>
          <serviceDescription>
            <label><content>Your DPD service:</content><bold>false</bold><paragraph>false</paragraph></label>
            <content><content>DPD PARCELSHOP DELIVERY</content><bold>false</bold><paragraph>false</paragraph></content>
          </serviceDescription>
          <status>SHIPMENT</status>
          <statusHasBeenReached>false</statusHasBeenReached>
          <isCurrentStatus>false</isCurrentStatus>
          <showContactInfo>false</showContactInfo>
        </shipmentInfo>
        """;

    public static readonly string RealCapture = Envelope(ShipmentInfo + string.Concat(
        Status("BetweenDepots", "In transit", "The parcel is at the parcel dispatch centre.", "Puurs (BE)", "8/17/2021 7:11:26 PM"),
        Status("Depot", "Parcel out for delivery", "At parcel delivery centre.", "Mechelen (BE)", "8/18/2021 4:09:55 AM"),
        Status("Courier", "Parcel out for delivery", "The parcel has left the parcel delivery centre and is on its way to the consignee.", "Mechelen (BE)", "8/18/2021 7:34:34 AM"),
        Status("DeliveryFailure", "Parcel out for delivery", "Unfortunately we have not been able to deliver your parcel.", "Mechelen (BE)", "8/18/2021 2:43:31 PM"),
        Status("DeliveryFailure", "Parcel out for delivery", "Unfortunately we have not been able to deliver your parcel.", "Aschaffenburg (DE)", "8/18/2021 2:43:31 PM"),
        Status("ParcelShop", "Parcel out for delivery", "Delivered by driver to Pickup parcelshop", "Mechelen (BE)", "8/18/2021 4:09:35 PM"),
        Status("ParcelShop", "Parcel out for delivery", "Delivered by driver to Pickup parcelshop", "Mechelen (BE)", "8/18/2021 4:09:35 PM"),
        Status("PickedUp", "Parcel handed to DPD", "DPD has received your parcel.", "Mechelen (BE)", "8/19/2021 3:57:33 PM"),
        Status("ReturningFromDelivery", "Parcel out for delivery", "After an unsuccessful delivery attempt the parcel is back at the recipient depot.", "Mechelen (BE)", "8/19/2021 5:11:26 PM", current: true),
        Status("Delivered", "Delivered", "", "", "", reached: false)));

    /// <summary>The authentication fault of the same capture.</summary>
    public const string AuthenticationFault = """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <soap:Body>
            <soap:Fault>
              <faultcode>soap:Server</faultcode>
              <faultstring>Fault occured</faultstring>
              <detail>
                <ns:authenticationFault xmlns:ns="http://dpd.com/common/service/types/Authentication/2.0">
                  <errorCode>DELICOM_ERR_AUTHENTICATION</errorCode>
                  <errorMessage>Authentication failure, check delisId and password.</errorMessage>
                </ns:authenticationFault>
              </detail>
            </soap:Fault>
          </soap:Body>
        </soap:Envelope>
        """;

    public static string WithStatuses(params (string Code, string Date, string Errors)[] statuses) => Envelope(ShipmentInfo + string.Concat(
        statuses.Select(s => Status(s.Code, s.Code, s.Code, "Lille (FR)", s.Date).Replace("</statusInfo>",
            s.Errors.Length > 0 ? $"<errorItems><content><content>{s.Errors}</content><bold>false</bold><paragraph>false</paragraph></content></errorItems></statusInfo>" : "</statusInfo>"))));
}
