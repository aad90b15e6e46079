using System.Text.Json;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// Tells FedEx's daily-quota 429 from its 10-second rate limit's: both come without Retry-After, and only the daily
/// one says "Daily transaction quota exceeded. Retry after 12:00AM GMT" (carriers.md l.170), in the request-level
/// error shape <c>{transactionId, errors[{code, message}]}</c> (l.168).
/// </summary>
public static class FedExDailyQuotaAnswer
{
    public const string Marker = "daily transaction quota";

    /// <summary>FedEx's message when <paramref name="answer"/> says the day's quota is spent, else null.</summary>
    public static async Task<string?> ReadAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        try
        {
            // The pipeline reads the whole body (ResponseContentRead): reading it here leaves it readable for the client.
            var body = await answer.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            return ((JsonElement?)document.RootElement).Array("errors")
                .Select(e => ((JsonElement?)e).Str("message").Trim())
                .FirstOrDefault(m => m.Contains(Marker, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is JsonException or FedExShapeException or InvalidOperationException)
        {
            return null; // not FedEx's error shape: an ordinary throttling answer
        }
    }
}
