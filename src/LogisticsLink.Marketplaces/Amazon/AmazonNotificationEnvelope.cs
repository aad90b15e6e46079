using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// Finds an SP-API notification of one type in a pushed body: as Amazon publishes it (the SQS message body), inside an
/// EventBridge event's <c>detail</c>, or as a JSON string in an SQS/SNS envelope's <c>Body</c>/<c>Message</c>. Every
/// notification type shares this outer shape (<c>NotificationType</c>, <c>EventTime</c>, <c>Payload</c>,
/// <c>NotificationMetadata</c>); <paramref name="read"/> reads the type's own payload. Errors name the field first
/// ("no X…", "X is …") so the webhook can answer 400 naming it.
/// </summary>
internal static class AmazonNotificationEnvelope
{
    public delegate T? PayloadReader<T>(JsonElement notification, out string error) where T : class;

    public static bool TryRead<T>(
        string body, string notificationType, PayloadReader<T> read, [NotNullWhen(true)] out T? value, out string error)
        where T : class
    {
        value = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return TryRead(document.RootElement, depth: 0, notificationType, read, out value, out error);
        }
        catch (JsonException)
        {
            error = "the body is not JSON";
            return false;
        }
        catch (AmazonMalformedException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static bool TryRead<T>(
        JsonElement root, int depth, string notificationType, PayloadReader<T> read, [NotNullWhen(true)] out T? value, out string error)
        where T : class
    {
        value = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "the body is not a JSON object";
            return false;
        }
        if (depth < 2 && root.Child("NotificationType") is null)
        {
            if (root.Child("detail") is { ValueKind: JsonValueKind.Object } detail)
            {
                return TryRead(detail, depth + 1, notificationType, read, out value, out error);
            }
            foreach (var name in new[] { "Body", "Message" })
            {
                if (root.Child(name) is { ValueKind: JsonValueKind.String } wrapped)
                {
                    using var inner = JsonDocument.Parse(wrapped.GetString()!);
                    return TryRead(inner.RootElement.Clone(), depth + 1, notificationType, read, out value, out error);
                }
            }
        }

        var type = root.Text("NotificationType");
        if (type != notificationType)
        {
            error = type.Length == 0 ? "no NotificationType" : $"NotificationType is {type}, not {notificationType}";
            return false;
        }
        value = read(root, out error);
        return value is not null;
    }
}
