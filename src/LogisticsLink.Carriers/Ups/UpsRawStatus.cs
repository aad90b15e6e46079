using System.Text.Json;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// The three codes UPS puts on a status, kept verbatim. <see cref="Raw"/> ("I/OT/021": type/code/statusCode) is what
/// events store as their raw code, so nothing UPS said is lost and a scan's identity includes all three.
/// </summary>
public readonly record struct UpsRawStatus(string Type, string Code, string StatusCode)
{
    public string Raw => $"{Type}/{Code}/{StatusCode}";

    internal static UpsRawStatus Read(JsonElement status) => new(status.Text("type"), status.Text("code"), status.Text("statusCode"));
}
