using Microsoft.Data.Sqlite;

namespace LogisticsLink.Bench.Seeding;

/// <summary>Runs commands inside transactions of a fixed number of rows, committing and starting anew as it goes.</summary>
internal sealed class TransactionBatch(SqliteConnection connection, int rowsPerTransaction = 20_000) : IAsyncDisposable
{
    private SqliteTransaction _transaction = connection.BeginTransaction();
    private int _rows;

    public async Task ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        command.Transaction = _transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (++_rows == rowsPerTransaction)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = connection.BeginTransaction();
            _rows = 0;
        }
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}
