namespace LogisticsLink.Carriers.Tests.Ups;

/// <summary>
/// Hand-written Track API v1 bodies in UPS's documented shape, for parser tests. Shapes and quirks follow UPS's
/// published schema and samples; the data is made up.
/// </summary>
internal static class UpsFixtures
{
    public const string Number = "1Z999AA10123456784";

    /// <summary>One activity. Pass null for a field to leave it out.</summary>
    public static string Activity(string type, string code, string statusCode, string description,
        string? date = "20260310", string? time = "093000", string? gmtDate = "20260310", string? gmtTime = "143000",
        string? gmtOffset = "-05:00", string city = "ATLANTA", string postalCode = "30301") =>
        $$"""
        {
          {{Field("date", date)}}{{Field("time", time)}}{{Field("gmtDate", gmtDate)}}{{Field("gmtTime", gmtTime)}}{{Field("gmtOffset", gmtOffset)}}
          "logicalScan": "false",
          "location": { "slic": "3099", "address": { "city": "{{city}}", "stateProvince": "GA", "postalCode": "{{postalCode}}", "country": "US", "countryCode": "US" } },
          "status": { "type": "{{type}}", "code": "{{code}}", "statusCode": "{{statusCode}}", "description": "{{description}}", "simplifiedTextDescription": "{{description}}" }
        }
        """;

    public static string Package(string number, string current, IEnumerable<string> activities, string extra = "") =>
        $$"""
        {
          "trackingNumber": "{{number}}",
          "packageCount": "1",
          "isSmartPackage": "false",
          "currentStatus": {{current}},
          {{extra}}
          "activity": [ {{string.Join(",", activities)}} ]
        }
        """;

    public static string Status(string type, string code, string statusCode, string description) =>
        $$"""{ "type": "{{type}}", "code": "{{code}}", "statusCode": "{{statusCode}}", "description": "{{description}}" }""";

    public static string Body(params string[] packages) =>
        $$"""{ "trackResponse": { "shipment": [ { "inquiryNumber": "{{Number}}", "userRelation": "MYCHOICE_HOME", "package": [ {{string.Join(",", packages)}} ] } ] } }""";

    public static string Single(IEnumerable<string> activities, string current, string extra = "") => Body(Package(Number, current, activities, extra));

    public const string NotFound =
        """{ "trackResponse": { "shipment": [ { "inquiryNumber": "1Z999AA10123456784", "warnings": [ { "code": "TW0001", "message": "Tracking Information Not Found" } ] } ] } }""";

    public const string InvalidNumber = """{ "response": { "errors": [ { "code": "TV1002", "message": "Invalid inquiry number" } ] } }""";

    private static string Field(string name, string? value) => value is null ? "" : $"\"{name}\": \"{value}\", ";
}
