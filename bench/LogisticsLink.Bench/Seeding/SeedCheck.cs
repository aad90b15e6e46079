using LogisticsLink.Storage;
using LogisticsLink.Storage.Sqlite;
using LogisticsLink.V1;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Bench.Seeding;

/// <summary>
/// Reads seeded samples back through the real store and fails loudly when they differ: the bench must not measure a
/// database the server would not have written (for example after a schema change the seeder has not followed).
/// </summary>
public static class SeedCheck
{
    public static async Task VerifyAsync(string databasePath, IEnumerable<SeedShipment> samples, bool expectChanges, CancellationToken cancellationToken)
    {
        await using (var store = new SqliteShipmentStore(Options.Create(new StorageOptions { Sqlite = { Path = databasePath } })))
        {
            await VerifyAsync(store, samples, expectChanges, cancellationToken);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>The same check through any store (the PostgreSQL seeder's).</summary>
    public static async Task VerifyAsync(IShipmentStore store, IEnumerable<SeedShipment> samples, bool expectChanges, CancellationToken cancellationToken)
    {
        foreach (var sample in samples)
        {
            var expected = sample.State;
            var stored = await store.FindAsync(expected.TenantId, expected.Id, cancellationToken)
                ?? throw Mismatch($"shipment {expected.Id} is not found");
            var actual = stored.State;
            if (actual.Status != expected.Status || actual.NextCheckAt != expected.NextCheckAt || actual.Version != expected.Version ||
                actual.TrackingNumber != expected.TrackingNumber || actual.Order != expected.Order ||
                !actual.Labels.OrderBy(l => l.Key).SequenceEqual(expected.Labels.OrderBy(l => l.Key)))
            {
                throw Mismatch($"shipment {expected.Id} reads back as {actual} instead of {expected}");
            }
            var events = await store.GetEventsAsync(expected.Id, cancellationToken);
            if (events.Count != sample.Events.Count)
            {
                throw Mismatch($"shipment {expected.Id} has {events.Count} events instead of {sample.Events.Count}");
            }
        }
        if (expectChanges)
        {
            var first = await store.ReadChangesAsync(ChangeQuery.All, 0, 1, cancellationToken);
            if (first.Count != 1 || ShipmentChange.Parser.ParseFrom(first[0].Payload).Shipment.Id != first[0].ShipmentId)
            {
                throw Mismatch("the first change-log row does not carry a ShipmentChange for its shipment");
            }
        }
    }

    private static InvalidOperationException Mismatch(string what) =>
        new($"The bench's bulk seeder no longer matches the store: {what}. Update bench/LogisticsLink.Bench/Seeding.");
}
