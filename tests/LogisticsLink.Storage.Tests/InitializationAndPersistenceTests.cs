using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

public sealed class InitializationAndPersistenceTests
{
    [Fact]
    [Trait("Store", "SqliteOnly")]
    public async Task InitializeAsync_creates_the_missing_folder_and_an_empty_database()
    {
        await using var db = new TestDatabase(Path.Combine("nested", "deeper", "x.db"));
        Assert.False(Directory.Exists(db.Folder));

        var store = await db.OpenAsync();

        Assert.True(File.Exists(db.FilePath));
        await store.PingAsync(Ct);
        Assert.Equal(0, await store.GetHeadSequenceAsync(Ct));
        Assert.Empty((await store.ListAsync(TenantA, Query(), Ct)).Shipments);
    }

    [Fact]
    public async Task InitializeAsync_twice_on_the_same_store_keeps_data_and_keeps_working()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var first = Shipment("1Z001");
        await store.CommitAsync(LoggedInsert(first), Ct);

        await store.InitializeAsync(Ct);

        StateAssert.Equal(first, (await store.FindAsync(TenantA, first.Id, Ct))?.State);
        var second = await store.CommitAsync(LoggedInsert(Shipment("1Z002")), Ct);
        Assert.Equal(new CommitResult(1, 2), second with { CommittedAt = default });
    }

    [Fact]
    public async Task InitializeAsync_on_a_reopened_store_keeps_data_and_continues_the_sequence()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var first = Shipment("1Z001");
        await store.CommitAsync(LoggedInsert(first), Ct);

        store = await db.ReopenAsync(store);
        await store.InitializeAsync(Ct); // and once more on the reopened instance

        Assert.Equal(1, await store.GetHeadSequenceAsync(Ct));
        StateAssert.Equal(first, (await store.FindAsync(TenantA, first.Id, Ct))?.State);
        Assert.Equal(new CommitResult(1, 2), (await store.CommitAsync(LoggedInsert(Shipment("1Z002")), Ct)) with { CommittedAt = default });
    }

    [Fact]
    public async Task Several_stores_initializing_one_new_file_at_once_all_succeed()
    {
        // Stand-ins for several processes starting together on one file: each script must be applied exactly once.
        await using var db = new TestDatabase();
        var stores = Enumerable.Range(0, 4).Select(_ => db.Create()).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(Ct))));

        var result = await stores[0].CommitAsync(LoggedInsert(Shipment("1Z001")), Ct);
        Assert.Equal(new CommitResult(1, 1), result with { CommittedAt = default });
        Assert.Equal(1, await stores[3].GetHeadSequenceAsync(Ct));
    }

    [Fact]
    [Trait("Store", "SqliteOnly")]
    public async Task InitializeAsync_refuses_a_database_from_a_newer_schema_version()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await db.CloseAsync(store);
        await using (var connection = new SqliteConnection($"Data Source={db.FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var bump = connection.CreateCommand();
            bump.CommandText = "UPDATE schema_version SET version = 999";
            Assert.Equal(1, await bump.ExecuteNonQueryAsync());
        }

        var newer = db.Create();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync(Ct));

        Assert.Contains("999", error.Message);
    }

    public static TheoryData<string> StateShapes => ["minimal", "full", "order id only", "channel only, one label"];

    private static ShipmentState StateOfShape(string shape) => shape switch
    {
        "minimal" => Shipment("1Z-MIN"),
        "full" => FullShipment("1Z-FULL"),
        "order id only" => FullShipment("1Z-ORD") with { Order = new OrderLink("", "order-7"), DeliveredAt = null, Stale = false },
        "channel only, one label" => Shipment("1Z-CH") with
        {
            Order = new OrderLink("amazon", ""),
            Labels = new Dictionary<string, string> { ["k"] = "" },
            EstimatedDelivery = T0.AddDays(2),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    [Theory]
    [MemberData(nameof(StateShapes))]
    public async Task Inserted_state_round_trips_every_field_after_reopening(string shape)
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var state = StateOfShape(shape);
        await store.CommitAsync(Insert(state), Ct);

        store = await db.ReopenAsync(store);

        var byId = await store.FindAsync(state.TenantId, state.Id, Ct);
        var byNumber = await store.FindByNumberAsync(state.TenantId, state.Carrier, state.TrackingNumber, Ct);
        StateAssert.Equal(state, byId?.State);
        StateAssert.Equal(state, byNumber?.State);
        Assert.Equal(1, byId!.Revision);
        Assert.Equal(1, byNumber!.Revision);
        Assert.Equal(state.Order.IsNone, byId.State.Order.IsNone);
    }

    [Theory]
    [InlineData("minimal", "full")]
    [InlineData("full", "minimal")]
    public async Task Updated_state_round_trips_every_field_after_reopening(string from, string to)
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var original = StateOfShape(from);
        await store.CommitAsync(Insert(original), Ct);
        // Same identity and creation time; every mutable field takes the other shape's value (set <-> null, labels
        // empty <-> non-empty, order none <-> set, ...).
        var target = StateOfShape(to);
        var updated = target with
        {
            Id = original.Id,
            TenantId = original.TenantId,
            Carrier = original.Carrier,
            TrackingNumber = original.TrackingNumber,
            CreatedAt = original.CreatedAt,
        };
        await store.CommitAsync(Update(updated, 1, original.Status), Ct);

        store = await db.ReopenAsync(store);

        var stored = await store.FindAsync(original.TenantId, original.Id, Ct);
        StateAssert.Equal(updated, stored?.State);
        Assert.Equal(2, stored!.Revision);
    }

    [Fact]
    public async Task Instants_come_back_as_the_same_instant_whatever_offset_they_were_written_with()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var plus2 = TimeSpan.FromHours(2);
        var state = Shipment("1Z-OFFSET") with
        {
            EstimatedDelivery = T0.ToOffset(plus2),
            UpdatedAt = T0.AddTicks(9).ToOffset(-TimeSpan.FromHours(5)),
            NextCheckAt = T0.ToOffset(plus2),
        };
        await store.CommitAsync(Insert(state), Ct);

        var stored = (await store.FindAsync(TenantA, state.Id, Ct))!.State;

        Assert.Equal(state.EstimatedDelivery!.Value.UtcTicks, stored.EstimatedDelivery!.Value.UtcTicks);
        Assert.Equal(state.UpdatedAt.UtcTicks, stored.UpdatedAt.UtcTicks);
        Assert.Equal(state.NextCheckAt!.Value.UtcTicks, stored.NextCheckAt!.Value.UtcTicks);
    }

    [Fact]
    public async Task Events_and_change_log_survive_closing_and_reopening()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var state = Shipment("1Z-EVT");
        var older = Scan(T0.AddHours(-2).AddTicks(11), TrackingStatus.InfoReceived, "IR", ingestedAt: T0.AddTicks(12),
            location: TrackingLocation.Unknown, statusDetail: "", source: "webhook");
        var newer = Scan(T0.AddHours(-1).AddTicks(13), TrackingStatus.InTransit, "IT", "Hamburg", "Departed «hub»", T0.AddTicks(14));
        await store.CommitAsync(Insert(state, PayloadFor("created"), older, newer), Ct);

        store = await db.ReopenAsync(store);

        Assert.Equal([newer, older], await store.GetEventsAsync(state.Id, Ct));
        var change = Assert.Single(await store.ReadChangesAsync(ChangeQuery.All, 0, 10, Ct));
        Assert.Equal(state.Id, change.ShipmentId);
        Assert.Equal(PayloadFor("created"), change.Payload);
        Assert.Equal(ChangeKinds.Created, change.Kinds);
    }
}
