using System.Text.Json;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>The <c>trackingnumbers</c> request body, with detailed scans so the full history comes back on every poll.</summary>
internal static class FedExTrackRequest
{
    public static string Body(IEnumerable<string> trackingNumbers)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("includeDetailedScans", true);
            json.WriteStartArray("trackingInfo");
            foreach (var number in trackingNumbers)
            {
                json.WriteStartObject();
                json.WriteStartObject("trackingNumberInfo");
                json.WriteString("trackingNumber", number);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
