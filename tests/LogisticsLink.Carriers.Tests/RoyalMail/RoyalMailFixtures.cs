namespace LogisticsLink.Carriers.Tests.RoyalMail;

/// <summary>
/// Royal Mail answers from public sources: the events example of Royal Mail's documentation (as reproduced in
/// karrio's Royal Mail tests and elliotjreed/royal-mail-tracking, FQ087430672GB / EVNMI) and its error bodies.
/// </summary>
internal static class RoyalMailFixtures
{
    public const string InTransit = """
        {
          "mailPieces": {
            "mailPieceId": "090367574000000FE1E1B", "carrierShortName": "RM", "carrierFullName": "Royal Mail Group Ltd",
            "summary": {
              "uniqueItemId": "090367574000000FE1E1B", "oneDBarcode": "FQ087430672GB", "productId": "SD2",
              "productName": "Special Delivery Guaranteed",
              "productDescription": "Our guaranteed next working day service with tracking and a signature on delivery",
              "productCategory": "NON-INTERNATIONAL",
              "destinationCountryCode": "GBR", "destinationCountryName": "United Kingdom of Great Britain and Northern Ireland",
              "originCountryCode": "GBR", "originCountryName": "United Kingdom of Great Britain and Northern Ireland",
              "lastEventCode": "EVNMI", "lastEventName": "Forwarded - Mis-sort", "lastEventDateTime": "2016-10-20T10:04:00+01:00",
              "lastEventLocationName": "Stafford DO", "statusDescription": "It's being redirected", "statusCategory": "IN TRANSIT",
              "statusHelpText": "The item is in transit and a confirmation will be provided on delivery.",
              "summaryLine": "Item FQ087430672GB was forwarded to the Delivery Office on 2016-10-20.",
              "internationalPostalProvider": { "url": "https://www.royalmail.com/track-your-item", "title": "Royal Mail Group Ltd", "description": "Royal Mail Group Ltd" }
            },
            "signature": { "recipientName": "Simon", "signatureDateTime": "2016-10-20T10:04:00+01:00", "imageId": "001234" },
            "estimatedDelivery": { "date": "2017-02-20", "startOfEstimatedWindow": "08:00:00+01:00", "endOfEstimatedWindow": "11:00:00+01:00" },
            "events": [
              { "eventCode": "EVNMI", "eventName": "Forwarded - Mis-sort", "eventDateTime": "2016-10-20T10:04:00+01:00", "locationName": "Stafford DO" }
            ],
            "links": {
              "summary": { "href": "/mailpieces/v2/summary?mailPieceId=090367574000000FE1E1B", "title": "Summary", "description": "Get summary" },
              "signature": { "href": "/mailpieces/v2/090367574000000FE1E1B/signature", "title": "Signature", "description": "Get signature" },
              "redelivery": { "href": "/personal/receiving-mail/redelivery", "title": "Redelivery", "description": "Book a redelivery" }
            }
          }
        }
        """;

    public const string HeaderValidationError = """
        {
          "httpCode": "400", "httpMessage": "Bad Request",
          "errors": [{
            "errorCode": "E0004", "errorDescription": "Failed header validation for X-Accept-RMG-Terms",
            "errorCause": "The submitted request was not valid against the required header definition",
            "errorResolution": "Please check the API request against the required header definition and re-submit"
          }]
        }
        """;

    public const string NotRecognised = """
        {
          "httpCode": 400, "httpMessage": "Bad Request",
          "errors": [{ "errorCode": "E1142", "errorDescription": "Barcode reference FQ087430672GB isn't recognised",
                       "errorCause": "A mail item with that barcode cannot be located", "errorResolution": "Check barcode and resubmit" }]
        }
        """;

    /// <summary>An events answer with the given events (JSON array text) and extra mailPieces properties.</summary>
    public static string Events(string events, string extra = "") => $$"""
        { "mailPieces": { "mailPieceId": "090367574000000FE1E1B", "carrierShortName": "RM",
                          "summary": { "oneDBarcode": "FQ087430672GB" } {{extra}}, "events": {{events}} } }
        """;
}
