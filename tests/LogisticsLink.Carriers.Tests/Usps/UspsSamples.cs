namespace LogisticsLink.Carriers.Tests.Usps;

/// <summary>
/// Public USPS Tracking v3 answers (reference §3): a real November 2024 Ground Advantage capture from karrio's tests
/// (JAMAICA NY → HERNANDO FL, parcel locker) and the detail example of USPS's own api-examples README (a lone event
/// as an object, the local time with a false Z, no GMT fields).
/// </summary>
internal static class UspsSamples
{
    public const string GroundAdvantageNumber = "9400109104250532908587";

    private static string Event(string type, string local, string gmt, string city, string state, string zip, string code) => $$"""
        {"eventType":"{{type}}","eventTimestamp":"{{local}}","GMTTimestamp":"{{gmt}}","GMTOffset":"-05:00","eventCountry":null,
         "eventCity":{{(city.Length > 0 ? $"\"{city}\"" : "null")}},"eventState":{{(state.Length > 0 ? $"\"{state}\"" : "null")}},
         "eventZIP":{{(zip.Length > 0 ? $"\"{zip}\"" : "null")}},"firm":null,"name":null,"authorizedAgent":"false","eventCode":"{{code}}","additionalProp":null}
        """;

    public static readonly string GroundAdvantage = $$"""
        {
          "destinationCity": "HERNANDO", "destinationState": "FL", "destinationZIP": "34442",
          "emailEnabled": "true", "kahalaIndicator": "false",
          "mailClass": "USPS Ground Advantage<SUP>&#153;</SUP>", "mailType": "DM",
          "originCity": "JAMAICA", "originState": "NY", "originZIP": "11430",
          "proofOfDeliveryEnabled": "false", "restoreEnabled": "false", "RRAMEnabled": "false", "RREEnabled": "false",
          "services": ["USPS Tracking<SUP>&#174;</SUP>", "Up to $100 insurance included"],
          "serviceTypeCode": "001",
          "status": "Delivered, Parcel Locker", "statusCategory": "Delivered",
          "statusSummary": "Your item was delivered to a parcel locker at 1:58 pm on November 22, 2024 in HERNANDO, FL 34442.",
          "tableCode": "T", "uniqueMailPieceID": "110158946", "mailPieceIntakeDate": "2024-11-15 11:09:19.000000",
          "trackingEvents": [
            {{Event("Delivered, Parcel Locker", "2024-11-22T13:58:00", "2024-11-22T18:58:40Z", "HERNANDO", "FL", "34442", "01")}},
            {{Event("Out for Delivery", "2024-11-22T09:10:00", "2024-11-22T14:10:45Z", "HERNANDO", "FL", "34442", "OF")}},
            {{Event("Arrived at Post Office", "2024-11-22T08:59:00", "2024-11-22T13:59:45Z", "LECANTO", "FL", "34461", "07")}},
            {{Event("Arrived at USPS Regional Facility", "2024-11-20T01:13:00", "2024-11-20T06:13:31Z", "JACKSONVILLE FL DISTRIBUTION CENTER", "", "", "A1")}},
            {{Event("In Transit to Next Facility", "2024-11-20T01:11:00", "2024-11-20T06:11:52Z", "", "", "", "TL")}},
            {{Event("In Transit to Next Facility", "2024-11-19T18:07:00", "2024-11-19T23:07:58Z", "", "", "", "TL")}},
            {{Event("In Transit to Next Facility", "2024-11-19T12:11:00", "2024-11-19T17:11:23Z", "", "", "", "TL")}},
            {{Event("Departed USPS Regional Facility", "2024-11-19T06:16:00", "2024-11-19T11:16:41Z", "QUEENS NY DISTRIBUTION CENTER", "", "", "T1")}},
            {{Event("Arrived at USPS Regional Origin Facility", "2024-11-18T18:02:00", "2024-11-18T23:02:52Z", "QUEENS NY DISTRIBUTION CENTER", "", "", "10")}},
            {{Event("Departed Post Office", "2024-11-18T17:01:00", "2024-11-18T22:01:35Z", "JAMAICA", "NY", "11430", "SF")}},
            {{Event("USPS in possession of item", "2024-11-18T11:10:00", "2024-11-18T16:10:31Z", "JAMAICA", "NY", "11430", "03")}},
            {{Event("Shipping Label Created, USPS Awaiting Item", "2024-11-15T11:32:00", "2024-11-15T16:32:33Z", "SPRINGFIELD GARDENS", "NY", "11413", "GX")}}
          ],
          "trackingNumber": "9400109104250532908587"
        }
        """;

    public const string ReadmeDetail = """
        {
            "destinationCity": "CEDAR RAPIDS", "destinationState": "IA", "destinationZIP": "52404",
            "emailEnabled": "true", "kahalaIndicator": "false", "mailClass": "Priority Mail<SUP>&reg;</SUP>", "mailType": "DM",
            "originCity": "RICHMOND", "originState": "VA", "originZIP": "23227",
            "proofOfDeliveryEnabled": "false", "restoreEnabled": "false", "RRAMEnabled": "false", "RREEnabled": "false",
            "services": "USPS Tracking<SUP>&#174;</SUP>", "serviceTypeCode": "14",
            "status": "USPS in possession of item", "statusCategory": "Accepted",
            "statusSummary": "USPS is now in possession of your item as of 7:31 am on August 2, 2023 in RICHMOND, VA 23227.",
            "trackingEvents": {
                "eventType": "USPS in possession of item", "eventTimestamp": "2023-08-02T07:31:00Z",
                "eventCountry": null, "eventCity": "RICHMOND", "eventState": "VA", "eventZIP": "23227",
                "firm": null, "name": null, "authorizedAgent": "false", "eventCode": "03", "additionalProp": null
            },
            "trackingNumber": "XXXXXXXXXXXXXXXXXXXX"
        }
        """;

    /// <summary>The spec's ErrorMessage example, placeholders and all (karrio's ErrorResponse).</summary>
    public const string SpecError = """
        {"apiVersion":"string","error":{"code":"string","message":"string","errors":[{"status":"string","code":"string","title":"string","detail":"string","source":{"parameter":"string","example":"string"}}]}}
        """;

    /// <summary>The 401 USPS sends when the token lacks the tracking scope (USPS-I#56).</summary>
    public const string MissingScope = """
        {"apiVersion":"/tracking/v3","error":{"code":"401","message":"The client application identifier is invalid.","errors":[]}}
        """;
}
