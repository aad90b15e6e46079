using LogisticsLink.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LogisticsLink.Storage.Sqlite;

/// <summary>
/// A write-path statement prepared on the writer connection with SQLite's own API. Microsoft.Data.Sqlite binds every
/// parameter by name on every execution: SQLite finds a name by comparing it with each of the statement's names in
/// turn, after the name has been converted to UTF-8, so a refresh's dozens of parameters cost the single writer about
/// as much as the inserts themselves (profiled with perf). Here each name is looked up once, and strings go to SQLite
/// as UTF-16, with no UTF-8 copy made first. Runs inside whatever transaction the connection has open, like any other
/// command on it.
/// </summary>
internal sealed class SqliteStatement : Statement, IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    private SqliteStatement(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
    }

    public static SqliteStatement Prepare(SqliteConnection connection, string sql)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement, out var tail);
        if (rc != raw.SQLITE_OK)
        {
            throw Error(db, rc);
        }
        if (!string.IsNullOrWhiteSpace(tail))
        {
            statement.Dispose();
            throw new ArgumentException("A statement is one SQL statement; the text holds more.", nameof(sql));
        }
        return new SqliteStatement(db, statement);
    }

    public override void Bind(string name, object? value)
    {
        if (!_indexes.TryGetValue(name, out var index))
        {
            index = raw.sqlite3_bind_parameter_index(_statement, name);
            _indexes.Add(name, index);
        }
        if (index == 0)
        {
            // Like ADO.NET: a value the SQL does not use is ignored (one binder serves an INSERT and an UPDATE).
            return;
        }
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text16(_statement, index, RowValues.Text(text)),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(_statement, index, number),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            _ => throw new ArgumentException($"Parameter {name}: values of type {value.GetType().Name} are not bound here.", nameof(value)),
        };
        if (rc != raw.SQLITE_OK)
        {
            throw Error(_db, rc);
        }
    }

    public override Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Run(readFirst: false, out _);
        return Task.FromResult(raw.sqlite3_changes(_db));
    }

    public override Task<object?> ScalarAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Run(readFirst: true, out var first);
        return Task.FromResult(first);
    }

    public void Dispose() => _statement.Dispose();

    /// <summary>
    /// Steps to completion (RETURNING rows included) and resets, so the statement holds no lock afterwards, and clears
    /// the values, so that a parameter the next execution leaves unbound is NULL rather than this one's.
    /// </summary>
    private void Run(bool readFirst, out object? first)
    {
        first = null;
        try
        {
            int rc;
            var row = 0;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                if (readFirst && row++ == 0)
                {
                    first = Column(0);
                }
            }
            if (rc != raw.SQLITE_DONE)
            {
                throw Error(_db, rc);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    private object? Column(int index) => raw.sqlite3_column_type(_statement, index) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, index),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, index),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(_statement, index).utf8_to_string(),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(_statement, index).ToArray(),
        _ => null,
    };

    private static SqliteException Error(sqlite3 db, int rc) =>
        new(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
}
