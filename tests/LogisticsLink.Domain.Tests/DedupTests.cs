using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>Carriers resend the same scans on every poll: each scan is stored once (DESIGN.md §4, invariant 3).</summary>
public sealed class DedupTests
{
    [Fact]
    public void The_same_snapshot_applied_twice_changes_nothing_the_second_time()
    {
        var history = ShipmentHistory.Registered().At(Hours(3));
        var snapshot = new CarrierSnapshot(
            null,
            [Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)), Scan.OutForDelivery(Hours(2))],
            EstimatedDelivery: Hours(6));
        var first = history.Apply(snapshot);
        history.After(TimeSpan.FromMinutes(20));

        var second = history.Apply(snapshot);

        Assert.Equal(3, first.AddedEvents.Count);
        Assert.Equal(ChangeKinds.None, second.Kinds);
        Assert.Empty(second.AddedEvents);
        Assert.Equal(first.State.Version, second.State.Version);
        Assert.Equal(TrackingStatus.OutForDelivery, second.State.Status);
        Assert.Equal(3, history.Events.Count);
    }

    [Fact]
    public void Duplicates_inside_one_snapshot_collapse_into_one_event()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));

        var result = history.Apply(Scan.InTransit(Hours(1)), Scan.InTransit(Hours(1)), Scan.InTransit(Hours(1)));

        var added = Assert.Single(result.AddedEvents);
        Assert.Equal(Hours(1), added.OccurredAt);
    }

    [Fact]
    public void A_reworded_or_translated_description_of_the_same_scan_is_still_a_duplicate()
    {
        var history = ShipmentHistory.WithEvents(
            Scan.Of(TrackingStatus.InTransit, Hours(1), rawCode: "AR", description: "Arrived at sorting facility"));
        history.After(TimeSpan.FromHours(1));

        var result = history.Apply(
            Scan.Of(TrackingStatus.InTransit, Hours(1), rawCode: "AR", description: "Arrivé au centre de tri"));

        Assert.Empty(result.AddedEvents);
        Assert.Equal(ChangeKinds.None, result.Kinds);
    }

    [Fact]
    public void A_different_raw_code_at_the_same_instant_is_a_different_scan()
    {
        var history = ShipmentHistory.WithEvents(Scan.Of(TrackingStatus.InTransit, Hours(1), rawCode: "AR"));
        history.After(TimeSpan.FromHours(1));

        var result = history.Apply(Scan.Of(TrackingStatus.InTransit, Hours(1), rawCode: "DP", description: "Departed facility"));

        var added = Assert.Single(result.AddedEvents);
        Assert.Equal("DP", added.RawCode);
        Assert.Equal(ChangeKinds.EventsAdded, result.Kinds);
        Assert.Equal(2, history.Events.Count);
    }

    [Fact]
    public void The_same_code_at_the_same_instant_in_another_place_is_a_different_scan()
    {
        var lyon = Scan.Of(TrackingStatus.InTransit, Hours(1), location: Scan.Lyon);
        var paris = Scan.Of(TrackingStatus.InTransit, Hours(1), location: Scan.Paris);

        Assert.NotEqual(lyon.DedupKey, paris.DedupKey);
    }

    [Fact]
    public void Without_a_postal_code_the_city_tells_two_places_apart()
    {
        var lyon = Scan.Of(TrackingStatus.InTransit, Hours(1), location: new TrackingLocation("Lyon", CountryCode: "FR"));
        var paris = Scan.Of(TrackingStatus.InTransit, Hours(1), location: new TrackingLocation("Paris", CountryCode: "FR"));

        Assert.NotEqual(lyon.DedupKey, paris.DedupKey);
    }

    [Fact]
    public void The_dedup_key_ignores_case_and_padding_of_the_raw_code_and_place()
    {
        var a = Scan.Of(TrackingStatus.InTransit, Hours(1), rawCode: "ar", location: new TrackingLocation(" lyon ", "", "69001 ", "FR"));
        var b = Scan.Of(TrackingStatus.InTransit, Hours(1), rawCode: " AR", location: new TrackingLocation("LYON", "", "69001", "FR"));

        Assert.Equal(a.DedupKey, b.DedupKey);
    }

    [Theory]
    [InlineData("ar", " lyon ", "69001 ")]
    [InlineData("", "", "")]
    [InlineData("élan", "Évry Süd ", "91000")]
    [InlineData("X", "a very long place name repeated to pass the stack buffer a very long place name repeated to pass the stack buffer a very long place name repeated to pass the stack buffer a very long place name repeated to pass the stack buffer", "1")]
    public void The_dedup_key_keeps_the_format_stored_keys_were_written_in(string rawCode, string city, string postalCode)
    {
        // Keys are stored with every event: a new format would make every stored scan look new on the next poll.
        var scan = Scan.Of(TrackingStatus.InTransit, new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero), rawCode: rawCode,
            location: new TrackingLocation(city, "", postalCode, "FR"));

        var expected = string.Join('|', 1741597200L, rawCode.Trim().ToUpperInvariant(), (int)TrackingStatus.InTransit,
            postalCode.Trim().ToUpperInvariant(), city.Trim().ToUpperInvariant());
        Assert.Equal(expected, scan.DedupKey);
    }

    [Fact]
    public void The_dedup_key_compares_instants_to_the_second_whatever_the_offset()
    {
        var utc = Scan.InTransit(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var sameInstantInParis = Scan.InTransit(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.FromHours(1)));
        var sameSecondWithMilliseconds = Scan.InTransit(new DateTimeOffset(2025, 3, 10, 9, 0, 0, 750, TimeSpan.Zero));
        var nextSecond = Scan.InTransit(new DateTimeOffset(2025, 3, 10, 9, 0, 1, TimeSpan.Zero));

        Assert.Equal(utc.DedupKey, sameInstantInParis.DedupKey);
        Assert.Equal(utc.DedupKey, sameSecondWithMilliseconds.DedupKey);
        Assert.NotEqual(utc.DedupKey, nextSecond.DedupKey);
    }

    [Fact]
    public void The_dedup_key_ignores_the_description_detail_source_and_ingest_time()
    {
        var original = Scan.Of(TrackingStatus.Delivered, Hours(5), description: "Delivered", detail: "delivered.front_door");
        var resent = new TrackingEvent(
            Hours(5), TrackingStatus.Delivered, "delivered.neighbour", "Zugestellt", original.RawCode, original.Location,
            "webhook", Hours(9));

        Assert.Equal(original.DedupKey, resent.DedupKey);
    }

    [Fact]
    public void The_same_instant_and_code_with_a_different_normalized_status_is_a_different_scan()
    {
        var a = Scan.Of(TrackingStatus.InTransit, Hours(1), rawCode: "X1");
        var b = Scan.Of(TrackingStatus.Exception, Hours(1), rawCode: "X1");

        Assert.NotEqual(a.DedupKey, b.DedupKey);
    }

    /// <summary>
    /// Adapters and tests naturally derive one scan from another with <c>with</c>. The key must describe the copy,
    /// not the original, or the copy is silently dropped as a "duplicate" (or a real duplicate slips through).
    /// </summary>
    [Fact]
    public void A_scan_copied_with_a_new_instant_or_code_gets_its_own_dedup_key()
    {
        var original = Scan.Of(TrackingStatus.InTransit, Hours(1), rawCode: "AR");

        var later = original with { OccurredAt = Hours(2) };
        var recoded = original with { RawCode = "DP" };

        Assert.Equal(Scan.Of(TrackingStatus.InTransit, Hours(2), rawCode: "AR").DedupKey, later.DedupKey);
        Assert.Equal(Scan.Of(TrackingStatus.InTransit, Hours(1), rawCode: "DP").DedupKey, recoded.DedupKey);
    }

    [Fact]
    public void A_scan_copied_with_a_new_instant_is_not_dropped_as_a_duplicate()
    {
        var first = Scan.InTransit(Hours(1));
        var history = ShipmentHistory.WithEvents(first);
        history.At(Hours(3));

        // The same kind of scan two hours later, e.g. an adapter that builds events from a template.
        var result = history.Apply(first with { OccurredAt = Hours(2), Location = Scan.Paris });

        Assert.Single(result.AddedEvents);
        Assert.Equal(Hours(2), history.State.LastEventAt);
    }

    [Fact]
    public void Stamping_the_ingest_time_keeps_the_dedup_key()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        var scan = Scan.InTransit(Hours(1));

        var stored = Assert.Single(history.Apply(scan).AddedEvents);

        Assert.Equal(scan.DedupKey, stored.DedupKey);
    }
}
