using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Storage.Tests.Support;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>Event history: ordering and de-duplication by <see cref="TrackingEvent.DedupKey"/>.</summary>
public sealed class EventTests
{
    [Fact]
    public async Task GetEventsAsync_returns_the_history_newest_first_across_commits()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        var day1 = Scan(T0.AddDays(-3), TrackingStatus.InfoReceived, "IR");
        var day3 = Scan(T0.AddDays(-1), TrackingStatus.InTransit, "IT", "Hamburg");
        var day2 = Scan(T0.AddDays(-2), TrackingStatus.InTransit, "IT", "Berlin");
        var day4 = Scan(T0, TrackingStatus.OutForDelivery, "OD", "Munich");
        // Added out of order, over two commits.
        await store.CommitAsync(Insert(v1, null, day3, day1), Ct);
        await store.CommitAsync(Update(v1 with { Version = 1 }, 1, v1.Status, null, day4, day2), Ct);

        Assert.Equal([day4, day3, day2, day1], await store.GetEventsAsync(v1.Id, Ct));
    }

    [Fact]
    public async Task Text_is_stored_exactly_whatever_its_characters()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        // Accents, CJK, an emoji (a surrogate pair), quotes, a backslash and a newline.
        var scan = Scan(T0, TrackingStatus.InTransit, "Zé", "Saint-Étienne 東京 📦") with
        {
            Description = "Colis \"arrivé\" au dépôt\\hub\nLigne 2",
            StatusDetail = "",
        };
        await store.CommitAsync(Insert(v1, null, scan), Ct);

        var stored = Assert.Single(await store.GetEventsAsync(v1.Id, Ct));
        Assert.Equal(scan, stored);
        Assert.Equal(scan.DedupKey, stored.DedupKey);
    }

    [Fact]
    public async Task A_NUL_or_a_lone_surrogate_is_stored_as_the_replacement_character()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        // PostgreSQL refuses both; a carrier's text must not make its scans impossible to store.
        var scan = Scan(T0, description: "Arrived\0 \uD83D");
        await store.CommitAsync(Insert(v1, null, scan), Ct);

        var stored = Assert.Single(await store.GetEventsAsync(v1.Id, Ct));
        Assert.Equal("Arrived\uFFFD \uFFFD", stored.Description);
    }

    [Theory]
    [InlineData("city", "NUL")]
    [InlineData("postal code", "NUL")]
    [InlineData("raw code", "NUL")]
    [InlineData("city", "lone high surrogate")]
    [InlineData("raw code", "lone low surrogate")]
    public async Task A_scan_with_a_NUL_or_a_lone_surrogate_in_its_key_is_known_once_stored(string field, string character)
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        // Built here rather than passed in: a test case's text does not keep a lone surrogate.
        var bad = character switch { "NUL" => "\0", "lone high surrogate" => "\uD83D", _ => "\uDC00" };
        var scan = Scan(T0,
            rawCode: field == "raw code" ? "I" + bad + "T" : "IT",
            location: new TrackingLocation(field == "city" ? "PARIS" + bad : "PARIS", "IDF", field == "postal code" ? bad + "75001" : "75001", "FR"));
        await store.CommitAsync(Insert(v1, null, scan), Ct);

        // The carrier sends the same scan on the next poll: it must not count as new again.
        var known = await store.GetKnownEventsAsync(v1.Id, Ct);

        Assert.Equal([scan.DedupKey], known.DedupKeys);
        Assert.Equal(scan.DedupKey, Assert.Single(await store.GetEventsAsync(v1.Id, Ct)).DedupKey);
    }

    [Fact]
    public async Task Events_at_the_same_instant_are_ordered_by_ingestion_newest_first()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        var seenFirst = Scan(T0, rawCode: "A", ingestedAt: T0.AddMinutes(1));
        var seenLater = Scan(T0, rawCode: "B", ingestedAt: T0.AddMinutes(2));
        await store.CommitAsync(Insert(v1, null, seenFirst, seenLater), Ct);

        Assert.Equal([seenLater, seenFirst], await store.GetEventsAsync(v1.Id, Ct));
    }

    [Theory]
    [InlineData("OFD", "DLV")]
    [InlineData("DLV", "OFD")]
    public async Task Scans_at_one_instant_are_listed_as_the_tracker_orders_them_the_furthest_along_first(string outForDeliveryCode, string deliveredCode)
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        // A carrier that dates scans by the minute: out for delivery and delivered at 14:00 is delivered, whichever
        // of the two codes sorts first and in whichever order the carrier listed them.
        var outForDelivery = Scan(T0, TrackingStatus.OutForDelivery, outForDeliveryCode, "Munich");
        var delivered = Scan(T0, TrackingStatus.Delivered, deliveredCode, "Munich");
        var earlier = Scan(T0.AddHours(-3), TrackingStatus.InTransit, "IT");
        await store.CommitAsync(Insert(v1, null, outForDelivery, earlier, delivered), Ct);

        Assert.Equal([delivered, outForDelivery, earlier], await store.GetEventsAsync(v1.Id, Ct));
        Assert.Equal(delivered, (await store.GetKnownEventsAsync(v1.Id, Ct)).Newest);
    }

    [Fact]
    public async Task Scans_alike_but_for_their_key_are_listed_in_the_keys_byte_order_in_every_store()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        // Same instant, status and ingestion; only the raw code and the place tell them apart.
        var a = Scan(T0, rawCode: "A", city: "Zwickau");
        var ab = Scan(T0, rawCode: "AB", city: "");
        var lower = Scan(T0, rawCode: "a", city: "Aachen");
        await store.CommitAsync(Insert(v1, null, lower, a, ab), Ct);
        var bytewise = new[] { a, ab, lower }.OrderBy(e => e.DedupKey, StringComparer.Ordinal).ToList();

        Assert.Equal(bytewise.AsEnumerable().Reverse(), await store.GetEventsAsync(v1.Id, Ct));
        Assert.Equal(bytewise[^1], (await store.GetKnownEventsAsync(v1.Id, Ct)).Newest);
    }

    [Fact]
    public async Task The_same_dedup_key_committed_twice_is_kept_once_and_the_first_copy_wins()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        var original = Scan(T0, description: "Arrived at hub");
        // Same scan resent, reworded and with sub-second noise: same key.
        var resent = Scan(T0.AddMilliseconds(300), description: "Ankunft im Verteilzentrum", ingestedAt: T0.AddHours(1));
        Assert.Equal(original.DedupKey, resent.DedupKey);
        await store.CommitAsync(Insert(v1, null, original), Ct);

        await store.CommitAsync(Update(v1 with { Version = 1 }, 1, v1.Status, PayloadFor("again"), resent), Ct);

        Assert.Equal([original], await store.GetEventsAsync(v1.Id, Ct));
    }

    [Fact]
    public async Task The_same_dedup_key_twice_in_one_commit_is_kept_once()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        var scan = Scan(T0);
        var copy = Scan(T0, description: "copy");
        var other = Scan(T0.AddHours(1), rawCode: "XX");
        Assert.Equal(scan.DedupKey, copy.DedupKey);

        await store.CommitAsync(Insert(v1, PayloadFor("c"), scan, copy, other), Ct);

        Assert.Equal([other, scan], await store.GetEventsAsync(v1.Id, Ct));
    }

    [Fact]
    public async Task The_same_dedup_key_on_two_shipments_is_kept_for_each()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var a = Shipment("1Z00A");
        var b = Shipment("1Z00B");
        var scan = Scan(T0);

        await store.CommitAsync(Insert(a, null, scan), Ct);
        await store.CommitAsync(Insert(b, null, scan), Ct);

        Assert.Equal([scan], await store.GetEventsAsync(a.Id, Ct));
        Assert.Equal([scan], await store.GetEventsAsync(b.Id, Ct));
    }

    [Fact]
    public async Task A_shipment_without_events_or_an_unknown_id_has_an_empty_history()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        await store.CommitAsync(Insert(v1), Ct);

        Assert.Empty(await store.GetEventsAsync(v1.Id, Ct));
        Assert.Empty(await store.GetEventsAsync("shp_unknown", Ct));
    }

    [Fact]
    public async Task GetKnownEventsAsync_answers_what_applying_a_snapshot_needs_without_the_history()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        var delivered = Scan(T0.AddDays(-1), TrackingStatus.Delivered, "DL", "Munich");
        var seenFirst = Scan(T0, TrackingStatus.Exception, "A", ingestedAt: T0.AddMinutes(1));
        var seenLater = Scan(T0, TrackingStatus.Exception, "B", ingestedAt: T0.AddMinutes(2));
        var older = Scan(T0.AddDays(-3), TrackingStatus.InTransit, "IT", "Berlin");
        await store.CommitAsync(Insert(v1, null, older, delivered, seenFirst, seenLater), Ct);

        var known = await store.GetKnownEventsAsync(v1.Id, Ct);

        Assert.Equal(new[] { older, delivered, seenFirst, seenLater }.Select(e => e.DedupKey).Order(StringComparer.Ordinal), known.DedupKeys.Order(StringComparer.Ordinal));
        Assert.Equal(seenLater, known.Newest);
        Assert.Equal(delivered.OccurredAt, known.LatestDeliveredAt);
        Assert.Equal(KnownEvents.Of(await store.GetEventsAsync(v1.Id, Ct)) with { DedupKeys = known.DedupKeys }, known);
    }

    [Fact]
    public async Task What_a_tracker_works_out_after_storing_new_scans_is_what_the_store_then_answers()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        // Each commit makes a tie that only the next rule of the order breaks. First the key: one instant, status and
        // ingestion, cities that UTF-16 and UTF-8 order differently (U+FF21 against an emoji, a surrogate pair).
        TrackingEvent[][] commits =
        [
            [Scan(T0, rawCode: "A", city: "\uFF21"), Scan(T0, rawCode: "A", city: "\U0001F600")],
            // A later ingestion of the same instant and status.
            [Scan(T0, rawCode: "B", ingestedAt: T0.AddMinutes(1))],
            // Further along, though ingested earlier.
            [Scan(T0, TrackingStatus.OutForDelivery, "OD", ingestedAt: T0)],
            // A delivery dated ten hours ahead (counts as of its ingestion) and one in time but older.
            [Scan(T0.AddHours(10), TrackingStatus.Delivered, "DL", ingestedAt: T0.AddHours(1)),
             Scan(T0.AddMinutes(30), TrackingStatus.Delivered, "DL", "Munich", ingestedAt: T0.AddHours(2))],
            // Text the store repairs.
            [Scan(T0.AddHours(3), TrackingStatus.Exception, "EX", description: "Damaged\0 \uD83D", ingestedAt: T0.AddHours(3))],
            [],
        ];

        var worked = KnownEvents.None;
        for (var i = 0; i < commits.Length; i++)
        {
            await store.CommitAsync(i == 0 ? Insert(v1, null, commits[i]) : Update(v1 with { Version = i + 1 }, i, v1.Status, null, commits[i]), Ct);
            worked = worked.With(commits[i]);

            var answered = await store.GetKnownEventsAsync(v1.Id, Ct);
            Assert.Equal(answered.DedupKeys.Order(StringComparer.Ordinal), worked.DedupKeys.Order(StringComparer.Ordinal));
            Assert.Equal(answered.Newest, worked.Newest);
            Assert.Equal(answered.LatestDeliveredAt, worked.LatestDeliveredAt);
        }
        Assert.Equal("Damaged\uFFFD \uFFFD", worked.Newest!.Description);
    }

    [Fact]
    public async Task GetKnownEventsAsync_counts_a_scan_dated_after_it_was_stored_as_of_when_it_was_stored()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        // The carrier dated the first scan ten hours ahead (a zone error); the delivery really came after it.
        var misdated = Scan(T0.AddHours(10), TrackingStatus.Delivered, "DL", ingestedAt: T0);
        var delivered = Scan(T0.AddHours(2), TrackingStatus.Delivered, "DL", "Munich", ingestedAt: T0.AddHours(3));
        await store.CommitAsync(Insert(v1, null, misdated, delivered), Ct);

        var known = await store.GetKnownEventsAsync(v1.Id, Ct);

        Assert.Equal(delivered, known.Newest);
        Assert.Equal(T0.AddHours(2), known.LatestDeliveredAt);
        Assert.Equal(KnownEvents.Of(await store.GetEventsAsync(v1.Id, Ct)) with { DedupKeys = known.DedupKeys }, known);
    }

    [Fact]
    public async Task GetKnownEventsAsync_of_a_shipment_without_events_knows_nothing()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        await store.CommitAsync(Insert(v1), Ct);

        var known = await store.GetKnownEventsAsync(v1.Id, Ct);

        Assert.Empty(known.DedupKeys);
        Assert.Null(known.Newest);
        Assert.Null(known.LatestDeliveredAt);
    }
}
