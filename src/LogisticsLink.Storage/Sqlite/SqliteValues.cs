using System.Text.Json;
using LogisticsLink.Domain.Shipments;
using Microsoft.Data.Sqlite;

namespace LogisticsLink.Storage.Sqlite;

/// <summary>How domain values are written to and read from SQLite columns. Instants are stored as UTC ticks.</summary>
internal static class SqliteValues
{
    public static object Instant(DateTimeOffset value) => value.UtcTicks;

    public static object Instant(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    public static DateTimeOffset ReadInstant(SqliteDataReader reader, int ordinal) =>
        new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? ReadOptionalInstant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadInstant(reader, ordinal);

    public static string Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? "{}" : JsonSerializer.Serialize(labels);

    public static IReadOnlyDictionary<string, string> ReadLabels(string json) =>
        json == "{}" ? ShipmentState.EmptyLabels : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static void Bind(this SqliteParameterCollection parameters, string name, object? value) =>
        parameters.AddWithValue(name, value ?? DBNull.Value);
}
