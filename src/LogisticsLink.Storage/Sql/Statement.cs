using System.Data.Common;

namespace LogisticsLink.Storage.Sql;

/// <summary>
/// A prepared statement of the write path, bound by parameter name. The commit path runs a handful of statements per
/// refresh on the single writer, so a dialect may bind them more cheaply than through ADO.NET
/// (<see cref="Sqlite.SqliteStatement"/>); elsewhere it is an ordinary <see cref="DbCommand"/>.
/// </summary>
internal abstract class Statement
{
    /// <summary>Binds <paramref name="value"/> (null for SQL NULL) to the parameter written <paramref name="name"/> in the SQL.</summary>
    public abstract void Bind(string name, object? value);

    /// <summary>Runs the statement; returns the number of rows it changed.</summary>
    public abstract Task<int> ExecuteAsync(CancellationToken cancellationToken);

    /// <summary>Runs the statement; returns the first column of its first row (RETURNING), null when there is none.</summary>
    public abstract Task<object?> ScalarAsync(CancellationToken cancellationToken);
}

/// <summary>A <see cref="Statement"/> over an ADO.NET command.</summary>
internal sealed class CommandStatement(DbCommand command) : Statement
{
    public override void Bind(string name, object? value) => command.Bind(name, value);

    public override Task<int> ExecuteAsync(CancellationToken cancellationToken) => command.ExecuteNonQueryAsync(cancellationToken);

    public override async Task<object?> ScalarAsync(CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
