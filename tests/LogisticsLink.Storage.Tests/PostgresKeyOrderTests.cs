using LogisticsLink.Storage.Tests.Support;
using Npgsql;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// Event keys sort byte by byte on PostgreSQL as on SQLite, whatever collation the database was created with: a
/// database made under a language's locale (en_US, which passes over the '|' in a key) must not list the same events
/// in another order. Runs on the tests' own PostgreSQL server whichever store the run selected.
/// </summary>
public sealed class PostgresKeyOrderTests
{
    [Fact]
    public async Task Events_alike_but_for_their_key_come_in_the_keys_byte_order_under_a_language_collation()
    {
        var ct = PostgresNode.Deadline();
        var connectionString = PostgresNode.FreshDatabase();
        await using var store = await PostgresNode.OpenStoreAsync(connectionString, ct);
        await using (var session = await PostgresNode.OpenSessionAsync(connectionString, ct))
        {
            // What the column gets in a database created with an en_US locale.
            await using var command = new NpgsqlCommand(
                """ALTER TABLE tracking_events ALTER COLUMN dedup_key TYPE TEXT COLLATE "en-US-x-icu" """, session);
            await command.ExecuteNonQueryAsync(ct);
        }
        var v1 = Shipment("1Z001");
        // Same instant, status and ingestion; "…|A|…|ZWICKAU" and "…|AB|…|" order one way by bytes, the other by en_US.
        var a = Scan(T0, rawCode: "A", city: "Zwickau");
        var ab = Scan(T0, rawCode: "AB", city: "");
        await store.CommitAsync(Insert(v1, null, a, ab), ct);
        var bytewise = new[] { a, ab }.OrderBy(e => e.DedupKey, StringComparer.Ordinal).ToList();
        Assert.Equal(ab, bytewise[0]);

        Assert.Equal(bytewise, (await store.GetEvidenceEventsAsync(v1.Id, ct)).Select(e => e.Event));
        Assert.Equal(bytewise.AsEnumerable().Reverse(), await store.GetEventsAsync(v1.Id, ct));
        Assert.Equal(a, (await store.GetKnownEventsAsync(v1.Id, ct)).Newest);
    }
}
