using Microsoft.Data.Sqlite;
using Npgsql;

namespace LogisticsLink.Storage;

/// <summary>What a store's failure says about asking again.</summary>
public static class StoreFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// True when the store could not take the call for now, and the same call later may well succeed: PostgreSQL's
    /// connection pool exhausted, a timeout, the connection refused or broken, or an error the server calls transient
    /// (Npgsql's own judgement); SQLite busy or locked beyond its busy timeout. Anything else is a bug or bad data, which
    /// asking again does not mend.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        // The primary code: an extended one (SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED_SHAREDCACHE…) keeps it in its low byte.
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked,
        TimeoutException => true,
        _ => false,
    };
}
