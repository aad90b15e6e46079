using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Support.Evidence;
using LogisticsLink.Server.Api;
using LogisticsLink.Server.Orders;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.Options;
using DomainEntry = LogisticsLink.Domain.Support.Evidence.EvidenceEntry;

namespace LogisticsLink.Server.Support;

/// <summary>
/// Builds evidence packs from the store (order, shipments, every event with its payload hash, replies, claims),
/// chains and signs them under <c>Support:EvidenceKey</c>, and verifies packs: their own chain and signature, and
/// their carrier events against what the store holds now.
/// </summary>
public sealed class EvidenceDesk(IOrderStore orders, IShipmentStore shipments, ISupportStore support, IOptions<SupportOptions> options, TimeProvider time)
{
    public async Task<EvidenceSources> SourcesAsync(string tenant, OrderState? order, IReadOnlyList<string> shipmentIds, CancellationToken ct)
    {
        var list = new List<EvidenceShipment>();
        foreach (var id in shipmentIds)
        {
            if (await shipments.FindAsync(tenant, id, ct) is { } stored)
            {
                list.Add(new EvidenceShipment(stored.State, await support.GetEvidenceEventsAsync(id, ct)));
            }
        }
        return order is null
            ? new EvidenceSources(tenant, null, list, [], [])
            : new EvidenceSources(tenant, order, list,
                await support.ListRepliesAsync(tenant, order.Channel, order.OrderId, ct),
                await support.ListClaimsAsync(tenant, order.Channel, order.OrderId, ct));
    }

    public async Task<EvidencePack> BuildAsync(string tenant, string channel, string orderId, string shipmentId, CancellationToken ct)
    {
        var key = Key();
        OrderState? order = null;
        IReadOnlyList<string> ids;
        if (shipmentId.Length > 0)
        {
            var shipment = await shipments.FindAsync(tenant, shipmentId, ct)
                ?? throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"Shipment '{shipmentId}' was not found."));
            ids = [shipment.State.Id];
            var link = shipment.State.Order;
            // GET /v1/orders/{order_id}/evidence?shipment_id=…: a pack headed with one order must not hold another's parcel.
            var named = orderId.Length > 0 ? await orders.FindOrderByIdOrNameAsync(tenant, channel, orderId, "order_id", ct) : null;
            SupportRequests.CheckShipmentOfOrder(shipmentId, link, channel, named?.State.OrderId ?? orderId);
            if (!link.IsNone)
            {
                order = (await orders.FindOrderAsync(tenant, link.Channel, link.OrderId, ct))?.State;
            }
        }
        else
        {
            order = (await orders.FindOrderByIdOrNameAsync(tenant, channel, orderId, "order_id", ct))?.State
                ?? throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"No {channel} order '{orderId}' is known."));
            ids = (await orders.ListOrderShipmentsAsync(tenant, channel, order.OrderId, ct)).Select(s => s.Id).ToList();
        }
        var sources = await SourcesAsync(tenant, order, ids, ct);
        var entries = EvidenceEntries.Build(sources);
        var hashes = EvidenceChain.Hashes(entries);
        var pack = new EvidencePack
        {
            Tenant = tenant,
            Channel = order?.Channel ?? "",
            OrderId = order?.OrderId ?? "",
            ShipmentId = shipmentId,
            GeneratedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Algorithm = EvidenceChain.Algorithm,
        };
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = new V1.EvidenceEntry { Kind = entries[i].Kind, Key = entries[i].Key, Hash = hashes[i] };
            foreach (var (name, value) in entries[i].Fields)
            {
                entry.Fields[name] = value;
            }
            pack.Entries.Add(entry);
        }
        pack.ChainHead = hashes.Count == 0 ? EvidenceChain.Genesis : hashes[^1];
        // The summary is written before signing: its hash is part of the signed header.
        pack.ClaimSummary = ClaimSummary.Write(sources, pack.ChainHead);
        pack.Signature = EvidenceChain.Sign(key, Header(pack)!, pack.ChainHead);
        return pack;
    }

    public async Task<EvidenceVerification> VerifyAsync(string tenant, EvidencePack pack, CancellationToken ct)
    {
        var key = Key();
        var result = new EvidenceVerification { FirstBadEntry = -1, SignatureValid = true, MatchesStore = true };
        if (pack.Tenant != tenant)
        {
            result.SignatureValid = false;
            result.Problems.Add("the pack belongs to another tenant");
        }
        var entries = pack.Entries.Select(e => (new DomainEntry(e.Kind, e.Key, e.Fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal)), e.Hash)).ToList();
        var header = Header(pack);
        if (result.SignatureValid && header is null)
        {
            result.SignatureValid = false;
            result.Problems.Add($"the pack's algorithm '{pack.Algorithm}' is not one this server made");
        }
        if (result.SignatureValid && EvidenceChain.Verify(key, header!, entries, pack.Signature) is { } problem)
        {
            result.SignatureValid = false;
            result.FirstBadEntry = problem.EntryIndex;
            result.Problems.Add(problem.EntryIndex < 0 && pack.Algorithm == EvidenceChain.Algorithm
                ? "the signature does not match: the pack's header, claim_summary or entries were changed, or it was signed with another key"
                : problem.Reason);
        }
        if (result.SignatureValid && (pack.ChainHead != (entries.Count == 0 ? EvidenceChain.Genesis : entries[^1].Hash)))
        {
            result.SignatureValid = false;
            result.Problems.Add("chain_head is not the last entry's hash");
        }
        if (result.SignatureValid)
        {
            await CompareWithStoreAsync(tenant, entries.Select(e => e.Item1).ToList(), result, ct);
        }
        result.Valid = result.SignatureValid && result.MatchesStore;
        return result;
    }

    private async Task CompareWithStoreAsync(string tenant, IReadOnlyList<DomainEntry> entries, EvidenceVerification result, CancellationToken ct)
    {
        var stored = new Dictionary<string, DomainEntry>(StringComparer.Ordinal);
        foreach (var shipmentId in entries.Where(e => e.Kind == EvidenceKinds.Shipment).Select(e => e.Key).Distinct())
        {
            if (await shipments.FindAsync(tenant, shipmentId, ct) is null)
            {
                continue;
            }
            foreach (var e in await support.GetEvidenceEventsAsync(shipmentId, ct))
            {
                var entry = EvidenceEntries.EventEntry(shipmentId, e);
                stored[entry.Key] = entry;
            }
        }
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Kind != EvidenceKinds.TrackingEvent)
            {
                continue;
            }
            string? problem = !stored.TryGetValue(entries[i].Key, out var now)
                ? $"entry {i}: the carrier event {entries[i].Key} is no longer stored (deleted or its identity edited)"
                : EvidenceChain.Canonical(now) != EvidenceChain.Canonical(entries[i])
                    ? $"entry {i}: the stored carrier event {entries[i].Key} differs from the pack ({Diff(entries[i], now)})"
                    : null;
            if (problem is not null)
            {
                result.MatchesStore = false;
                result.Problems.Add(problem);
                if (result.FirstBadEntry < 0)
                {
                    result.FirstBadEntry = i;
                }
            }
        }
    }

    private static string Diff(DomainEntry packed, DomainEntry now) => string.Join(", ",
        packed.Fields.Keys.Union(now.Fields.Keys).Order(StringComparer.Ordinal)
            .Where(k => packed.Fields.GetValueOrDefault(k) != now.Fields.GetValueOrDefault(k))
            .Select(k => $"{k} was '{packed.Fields.GetValueOrDefault(k)}', is '{now.Fields.GetValueOrDefault(k)}'"));

    /// <summary>
    /// What the signature covers besides the chain head, in the pack's own format: packs made before claim_summary was
    /// signed keep verifying as they were made (the algorithm is in the header, so a new pack cannot be passed off as
    /// one of them). Null for a format this server never made.
    /// </summary>
    private static string? Header(EvidencePack pack)
    {
        var header = string.Join('\n',
            pack.Tenant, pack.Channel, pack.OrderId, pack.ShipmentId,
            pack.GeneratedAt?.ToDateTimeOffset().UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "", pack.Algorithm);
        return pack.Algorithm switch
        {
            EvidenceChain.Algorithm => header + "\n" + EvidenceChain.Sha256(pack.ClaimSummary),
            EvidenceChain.AlgorithmWithoutSummary => header,
            _ => null,
        };
    }

    private byte[] Key() => options.Value.EvidenceKeyBytes
        ?? throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition,
            $"{SupportOptions.EvidenceKeyName} is not configured: evidence packs cannot be signed or verified."));
}
