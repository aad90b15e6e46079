using System.Data.Common;
using System.Text.Json;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Storage.Sql;

/// <summary>
/// How domain values are written to and read from columns, the same for every SQL store: instants are UTC ticks
/// (bigint), labels are a JSON object, statuses and kinds are their enum numbers.
/// </summary>
internal static class RowValues
{
    public static object Instant(DateTimeOffset value) => value.UtcTicks;

    public static object Instant(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    public static DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? ReadOptionalInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadInstant(reader, ordinal);

    public static string Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? "{}" : JsonSerializer.Serialize(labels);

    public static IReadOnlyDictionary<string, string> ReadLabels(string json) =>
        json == "{}" ? ShipmentState.EmptyLabels : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>Text as every store keeps it (<see cref="ValidText"/>).</summary>
    public static string Text(string value) => ValidText.Repair(value);

    /// <summary>Adds a named parameter (<c>@name</c> in the SQL text).</summary>
    public static void Bind(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value is string text ? Text(text) : value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
