namespace LogisticsLink.Storage;

/// <summary>Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string SqliteProvider = "Sqlite";
    public const string PostgresProvider = "Postgres";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c> (several nodes on one database).</summary>
    public string Provider { get; set; } = SqliteProvider;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public PostgresStorageOptions Postgres { get; set; } = new();
}

public sealed class PostgresStorageOptions
{
    /// <summary>
    /// Npgsql connection string, e.g. <c>Host=db;Port=5432;Database=logisticslink;Username=ll;Password=…;Maximum Pool Size=50</c>.
    /// Pooling, connect timeout (<c>Timeout</c>) and command timeout (<c>Command Timeout</c>) are set here.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>How long start-up waits for the database to answer before giving up.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Pooled connections never used for refresh locks: readers, the writer, the change listener. A refresh holds a
    /// connection for its cluster-wide lock while it waits for the carrier, so at most the pool's size minus these
    /// refreshes hold a lock at once; more wait for one to end.
    /// </summary>
    public const int ConnectionsBesideRefreshLocks = 8;

    /// <summary>How many refresh locks a node holds at most, from the connection string's Maximum Pool Size.</summary>
    public static int RefreshLockSlots(int maxPoolSize) => Math.Max(1, maxPoolSize - ConnectionsBesideRefreshLocks);
}

public sealed class SqliteStorageOptions
{
    /// <summary>Database file; its folder is created when missing.</summary>
    public string Path { get; set; } = "./data/logisticslink.db";

    /// <summary>How long a writer waits for the file lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
