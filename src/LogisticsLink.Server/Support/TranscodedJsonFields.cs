using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Server.Api;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace LogisticsLink.Server.Support;

/// <summary>
/// Names the fields of an HTTP/JSON request body that cannot be read into the request message. The transcoder answers
/// such a body with its parser's words alone ("Invalid Duration value: abc", "Request JSON payload is not correctly
/// formatted.") and has no hook to say more, so this middleware reads the body first, one field at a time with
/// Google.Protobuf's parser of the same protobuf JSON mapping, and answers as a gRPC call's bad fields are answered:
/// INVALID_ARGUMENT (400) with a google.rpc.BadRequest naming every such field by its proto name. A body it reads, or
/// that is no JSON object at all, goes on to the transcoder unchanged (which then answers as before).
/// </summary>
public sealed class TranscodedJsonFields(RequestDelegate next)
{
    // The transcoder ignores fields it does not know; so must the check, or it would refuse what the route accepts.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    // The same body as the transcoder's error answers: every google.rpc.Status field, BadRequest details spelled out.
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true)
        .WithTypeRegistry(TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor)));

    public async Task InvokeAsync(HttpContext context)
    {
        // Only routes whose whole body is the request message ("body: *"); a GET's query binds strings alone here.
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { HttpRule.Body: "*" } route
            && context.Request.HasJsonContentType())
        {
            context.Request.EnableBuffering();
            var violations = await UnreadableFieldsAsync(context.Request.Body, route.MethodDescriptor.InputType, context.RequestAborted);
            context.Request.Body.Position = 0;
            if (violations.Any)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(Formatter.Format(violations.ToStatus()), context.RequestAborted);
                return;
            }
        }
        await next(context);
    }

    private static async Task<Violations> UnreadableFieldsAsync(Stream body, MessageDescriptor message, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return violations;
        }
        using (document)
        {
            // The usual body reads whole: one parse, and the fields are looked at one by one only when it does not.
            if (document.RootElement.ValueKind != JsonValueKind.Object || Readable(message, document.RootElement.GetRawText()))
            {
                return violations;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (FieldNamed(message, property.Name) is { } field
                    && !Readable(message, $"{{{JsonSerializer.Serialize(property.Name)}:{property.Value.GetRawText()}}}"))
                {
                    violations.Add(field.Name, Expected(field));
                }
            }
        }
        return violations;
    }

    /// <summary>The field a JSON name stands for: its lowerCamelCase JSON name or its proto name, as the mapping accepts both.</summary>
    private static FieldDescriptor? FieldNamed(MessageDescriptor message, string name) =>
        message.FindFieldByName(name) ?? message.Fields.InFieldNumberOrder().FirstOrDefault(f => f.JsonName == name);

    private static bool Readable(MessageDescriptor message, string json)
    {
        try
        {
            Parser.Parse(json, message);
            return true;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Expected(FieldDescriptor field) =>
        field.IsMap ? "must be a JSON object"
        : field.IsRepeated ? $"must be a list, each item {Value(field)}"
        : $"must be {Value(field)}";

    private static string Value(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName =>
            "an RFC 3339 timestamp with a time zone, such as \"2025-03-10T09:00:00Z\"",
        FieldType.Message when field.MessageType.FullName == Duration.Descriptor.FullName =>
            $"a duration in seconds ending in \"s\", such as \"30s\" or \"1.5s\", at most {Duration.MaxSeconds}s either way",
        FieldType.Message => "a JSON object",
        FieldType.Bool => "true or false",
        FieldType.String => "a string",
        FieldType.Bytes => "base64 text",
        FieldType.Enum => $"one of {string.Join(", ", field.EnumType.Values.Select(v => v.Name))}",
        FieldType.Double or FieldType.Float => "a number",
        _ => "a whole number",
    };
}
