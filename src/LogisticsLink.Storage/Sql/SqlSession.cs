using System.Data.Common;

namespace LogisticsLink.Storage.Sql;

/// <summary>
/// A connection borrowed for one store operation (inside <see cref="Transaction"/> when it writes), and the commands
/// run on it. Commands belong to the session, never to the caller: with a <see cref="PreparedCommands"/> cache they are
/// the connection's own, prepared once and reused by every later session on that connection; without one they are
/// made for this session and disposed with it.
/// </summary>
internal sealed class SqlSession : IAsyncDisposable
{
    private readonly PreparedCommands? _prepared;
    private readonly Func<ValueTask>? _release;
    private List<DbCommand>? _owned;
    private string? _ahead;

    public SqlSession(DbConnection connection, DbTransaction? transaction, PreparedCommands? prepared, Func<ValueTask>? release, WriteBatch? batch = null)
    {
        Connection = connection;
        Transaction = transaction;
        Batch = batch;
        _prepared = prepared;
        _release = release;
    }

    public DbConnection Connection { get; }

    public DbTransaction? Transaction { get; }

    /// <summary>The group-commit transaction this write belongs to; null for reads.</summary>
    public WriteBatch? Batch { get; }

    /// <summary>
    /// Whether the SQL given to <see cref="SendAhead"/> went into a command of this session: sent if that command ran,
    /// or perhaps not (it failed before reaching the database, or was never run).
    /// </summary>
    public bool SentAhead { get; private set; }

    /// <summary>
    /// Sends <paramref name="sql"/> (statements without parameters or results: savepoints) in the same round trip as the
    /// session's next command, just ahead of it. Only for a session without a <see cref="PreparedCommands"/> cache: the
    /// statements go into the command's text.
    /// </summary>
    public void SendAhead(string sql)
    {
        if (_prepared is not null)
        {
            throw new InvalidOperationException("A session with prepared commands cannot send statements ahead of them.");
        }
        _ahead = sql;
    }

    /// <summary>A command for <paramref name="sql"/> with no parameters bound, enlisted in the session's transaction.</summary>
    public DbCommand Command(string sql)
    {
        if (_prepared is not null)
        {
            return _prepared.Get(sql, Transaction);
        }
        var command = Connection.CreateCommand();
        command.CommandText = _ahead is null ? sql : $"{_ahead};\n{sql}";
        SentAhead |= _ahead is not null;
        _ahead = null;
        command.Transaction = Transaction;
        (_owned ??= []).Add(command);
        return command;
    }

    /// <summary>A write-path statement: the dialect's own prepared statement where it has one, else <see cref="Command"/>'s.</summary>
    public Statement Statement(string sql) =>
        _prepared?.GetNative(sql) ?? new CommandStatement(Command(sql));

    /// <summary>Runs a statement without parameters or results (savepoints), prepared once like any other.</summary>
    public async Task ExecuteAsync(string sql) => await Command(sql).ExecuteNonQueryAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _owned ?? [])
        {
            await command.DisposeAsync();
        }
        if (_release is not null)
        {
            await _release();
        }
    }
}

/// <summary>
/// One connection's commands by SQL text, kept for the connection's life so each statement is prepared once (some
/// providers, Microsoft.Data.Sqlite among them, prepare a new command's SQL on every execution). Bounded: statements
/// built from variable lists (IN (...)) could otherwise accumulate; past the bound the cache starts over.
/// Used by one session at a time.
/// </summary>
/// <param name="prepare">Prepares a <see cref="Statement"/> of the dialect's own; null: statements are commands.</param>
internal sealed class PreparedCommands(DbConnection connection, Func<DbConnection, string, Statement>? prepare = null) : IDisposable
{
    private const int MaxStatements = 256;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Statement> _statements = new(StringComparer.Ordinal);

    public DbConnection Connection => connection;

    public DbCommand Get(string sql, DbTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxStatements)
            {
                Clear();
            }
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    /// <summary>The dialect's own prepared statement for <paramref name="sql"/>; null when it has none.</summary>
    public Statement? GetNative(string sql)
    {
        if (prepare is null)
        {
            return null;
        }
        if (!_statements.TryGetValue(sql, out var statement))
        {
            if (_statements.Count >= MaxStatements)
            {
                Clear();
            }
            statement = prepare(connection, sql);
            _statements.Add(sql, statement);
        }
        return statement;
    }

    public void Dispose()
    {
        Clear();
        connection.Dispose();
    }

    private void Clear()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
        foreach (var statement in _statements.Values)
        {
            (statement as IDisposable)?.Dispose();
        }
        _statements.Clear();
    }
}
