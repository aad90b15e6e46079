using System.Text.Json.Serialization;

namespace LogisticsLink.Server.Webhooks;

/// <summary>What a webhook call is answered with, and how its body is read.</summary>
internal static class WebhookHttp
{
    /// <summary>The raw body, or null when it is larger than <paramref name="maxBytes"/> (read no further than that).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static string RemoteOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The same answer for a missing and a wrong credential: a caller learns nothing about which it was.</summary>
    public static IResult Unauthorized() =>
        Results.Json(new WebhookError("unauthorized", null, "The credential or signature is missing or wrong."), statusCode: StatusCodes.Status401Unauthorized);

    public static IResult Invalid(string field, string reason) =>
        Results.Json(new WebhookError("invalid_body", field, reason), statusCode: StatusCodes.Status400BadRequest);

    public static IResult TooLarge(int maxBytes) =>
        Results.Json(new WebhookError("body_too_large", null, $"The body must be at most {maxBytes} bytes."), statusCode: StatusCodes.Status413PayloadTooLarge);
}

/// <summary>The body of a refused webhook call.</summary>
public sealed record WebhookError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("field"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>
/// The body of an accepted webhook call. <c>result</c>: <c>applied</c> (200; <c>changed</c> says whether the shipment
/// moved), <c>duplicate</c> (200; a redelivery, nothing done), <c>ignored</c> (202; no shipment of the tenant has
/// this carrier and number) or <c>in_progress</c> (503; a copy of this delivery is still being applied, so the sender
/// must try again rather than take it as stored).
/// </summary>
public sealed record WebhookAnswer(
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("shipment_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ShipmentId = null,
    [property: JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Version = null,
    [property: JsonPropertyName("changed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Changed = null);
