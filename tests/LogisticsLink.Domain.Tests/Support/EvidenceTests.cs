using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Evidence;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class EvidenceTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static EvidenceSources Sources(int events)
    {
        var shipment = InquiryDecisionTests.Shipment(TrackingStatus.Delivered) with
        {
            ProofOfDelivery = new ProofOfDelivery("J. DUPONT", "Front door", true, true),
        };
        var history = Enumerable.Range(0, events).Select(i => new EvidenceEvent(
            new TrackingEvent(Start.AddMinutes(10 * i), i == 0 ? TrackingStatus.InfoReceived : TrackingStatus.InTransit, "in_transit", $"Scan number {i} at the hub",
                $"C{i:000}", new TrackingLocation("Lyon", "", "69001", "FR"), "poll", Start.AddMinutes(10 * i + 1)),
            new string('a', 64))).ToList();
        return new EvidenceSources("t", InquiryDecisionTests.Order() with { LatestShipDate = Start.AddHours(2) }, [new EvidenceShipment(shipment, history)], [], []);
    }

    [Fact]
    public void The_chain_verifies_and_any_edited_entry_is_named()
    {
        var entries = EvidenceEntries.Build(Sources(5));
        var hashes = EvidenceChain.Hashes(entries);
        var signature = EvidenceChain.Sign(Key, "header", hashes[^1]);
        var pack = entries.Zip(hashes).ToList();
        var edited = pack.ToList();
        var third = edited[3].First;
        edited[3] = (third with { Fields = new Dictionary<string, string>(third.Fields) { ["raw_code"] = "EDITED" } }, edited[3].Second);

        Assert.Null(EvidenceChain.Verify(Key, "header", pack, signature));
        Assert.Equal(3, EvidenceChain.Verify(Key, "header", edited, signature)?.EntryIndex);
        Assert.Equal(-1, EvidenceChain.Verify(Key, "other header", pack, signature)?.EntryIndex);
        Assert.Equal(-1, EvidenceChain.Verify(new byte[32], "header", pack, signature)?.EntryIndex);
        Assert.Equal(hashes, EvidenceChain.Hashes(EvidenceEntries.Build(Sources(5))));
    }

    [Fact]
    public void The_claim_summary_stays_within_2000_characters_for_hundreds_of_events()
    {
        var sources = Sources(600);

        var summary = ClaimSummary.Write(sources, new string('f', 64));

        Assert.InRange(summary.Length, 500, ClaimSummary.MaxLength);
        Assert.Contains("signed by J. DUPONT", summary);
        Assert.Contains("shipped on time yes", summary);
        Assert.Contains("of 600 carrier events", summary);
        Assert.EndsWith("(signed).", summary);
    }

    private static EvidenceShipment Parcel(string id, TrackingStatus status, params DateTimeOffset[] scans) => new(
        InquiryDecisionTests.Shipment(status) with { Id = id, TrackingNumber = "1Z999AA1012345678" + id[^1], DeliveredAt = status == TrackingStatus.Delivered ? scans[^1] : null },
        scans.Select((at, i) => new EvidenceEvent(
            new TrackingEvent(at, i == scans.Length - 1 ? status : TrackingStatus.InTransit, "", $"Scan {i}", $"C{i}", TrackingLocation.Unknown, "poll", at), new string('a', 64))).ToList());

    private static EvidenceSources Parcels(params EvidenceShipment[] parcels) =>
        new("t", InquiryDecisionTests.Order() with { LatestShipDate = Start.AddHours(2) }, parcels, [], []);

    [Fact]
    public void A_voided_label_is_no_parcel_in_the_evidence()
    {
        var voided = Parcel("shp_1", TrackingStatus.Cancelled, Start);
        var delivered = Parcel("shp_2", TrackingStatus.Delivered, Start.AddHours(1), Start.AddDays(2));

        var facts = EvidenceFacts.From(Parcels(voided, delivered));

        Assert.True(facts.ValidTracking);
        Assert.Equal(Start.AddDays(2), facts.DeliveredAt);
        Assert.Equal(Start.AddHours(1), facts.FirstCarrierScanAt);
        Assert.True(facts.ShippedOnTime);
    }

    [Fact]
    public void A_delivery_during_the_promised_date_is_on_time()
    {
        var promisedDay = DateOnlyPromise.Of(DateOnly.FromDateTime(Start.UtcDateTime.AddDays(2)));
        EvidenceSources Delivered(DateTimeOffset at) => Parcels(Parcel("shp_1", TrackingStatus.Delivered, Start.AddHours(1), at)) with
        {
            Order = InquiryDecisionTests.Order(promised: promisedDay) with { LatestShipDate = Start.AddHours(2) },
        };

        Assert.True(EvidenceFacts.From(Delivered(promisedDay.AddHours(15))).DeliveredOnTime);
        Assert.False(EvidenceFacts.From(Delivered(promisedDay.AddDays(1).AddHours(9))).DeliveredOnTime);
    }

    [Fact]
    public void A_second_parcel_shipped_late_makes_the_order_shipped_late()
    {
        var early = Parcel("shp_1", TrackingStatus.Delivered, Start.AddHours(1), Start.AddDays(2));
        var late = Parcel("shp_2", TrackingStatus.Delivered, Start.AddDays(1), Start.AddDays(3));

        var facts = EvidenceFacts.From(Parcels(early, late));

        Assert.Equal(Start.AddDays(1), facts.FirstCarrierScanAt);
        Assert.False(facts.ShippedOnTime);
    }

    [Fact]
    public void One_reply_without_the_messages_time_makes_the_24_hour_check_unknown()
    {
        var parcel = Parcel("shp_1", TrackingStatus.Delivered, Start.AddHours(1), Start.AddDays(2));
        ReplyRecord Reply(DateTimeOffset? received) => new("fbm_in_transit", 1, "en", "amazon", "text", true, Start.AddHours(5), received);

        var dated = EvidenceFacts.From(Parcels(parcel) with { Replies = [Reply(Start.AddHours(4))] });
        var mixed = EvidenceFacts.From(Parcels(parcel) with { Replies = [Reply(Start.AddHours(4)), Reply(null)] });
        var lateAndUndated = EvidenceFacts.From(Parcels(parcel) with { Replies = [Reply(Start.AddDays(-2)), Reply(null)] });

        Assert.True(dated.AnsweredWithin24Hours);
        Assert.Null(mixed.AnsweredWithin24Hours);
        Assert.False(lateAndUndated.AnsweredWithin24Hours);
    }

    [Fact]
    public void A_message_answered_in_time_stays_answered_in_time_when_a_later_update_follows()
    {
        var parcel = Parcel("shp_1", TrackingStatus.Delivered, Start.AddHours(1), Start.AddDays(2));
        ReplyRecord Reply(DateTimeOffset rendered, DateTimeOffset received) => new("fbm_delayed", 1, "en", "amazon", "text", true, rendered, received);

        // "We are contacting the carrier and will update you": the update to the same message comes a day later.
        var updated = EvidenceFacts.From(Parcels(parcel) with { Replies = [Reply(Start.AddHours(2), Start), Reply(Start.AddHours(30), Start)] });
        // A second message answered late is still late, whatever the first one's answer.
        var secondLate = EvidenceFacts.From(Parcels(parcel) with
        {
            Replies = [Reply(Start.AddHours(2), Start), Reply(Start.AddHours(60), Start.AddHours(10))],
        });

        Assert.True(updated.AnsweredWithin24Hours);
        Assert.False(secondLate.AnsweredWithin24Hours);
    }

    [Fact]
    public void A_reply_that_breaks_the_policy_is_no_answer_in_the_24_hour_check()
    {
        var parcel = Parcel("shp_1", TrackingStatus.Delivered, Start.AddHours(1), Start.AddDays(2));
        ReplyRecord Reply(bool compliant, DateTimeOffset? received) => new("fbm_in_transit", 1, "en", "amazon", "text", compliant, Start.AddHours(5), received);

        var onlyBroken = EvidenceFacts.From(Parcels(parcel) with { Replies = [Reply(false, Start.AddHours(4))] });
        var brokenUndated = EvidenceFacts.From(Parcels(parcel) with { Replies = [Reply(true, Start.AddHours(4)), Reply(false, null)] });
        var brokenInTimeThenLate = EvidenceFacts.From(Parcels(parcel) with { Replies = [Reply(false, Start.AddHours(4)), Reply(true, Start.AddDays(-2))] });

        Assert.Null(onlyBroken.AnsweredWithin24Hours);
        Assert.True(brokenUndated.AnsweredWithin24Hours);
        Assert.False(brokenInTimeThenLate.AnsweredWithin24Hours);
    }
}
