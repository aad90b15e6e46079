using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Evidence;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Mapping;

/// <summary>Order domain model → contract messages. Enums share their numbers, so they are casts.</summary>
public static class OrderMapper
{
    public static Order ToProto(OrderState o, IEnumerable<ShipmentState> shipments, IEnumerable<ClaimRecord>? claims = null)
    {
        var order = new Order
        {
            Channel = o.Channel,
            OrderId = o.OrderId,
            FulfillmentChannel = (V1.FulfillmentChannel)o.FulfillmentChannel,
            Status = o.Status,
            MarketplaceId = o.MarketplaceId,
            BuyerLanguage = o.BuyerLanguage,
            PurchasedAt = ShipmentMapper.ToTimestamp(o.PurchasedAt),
            LatestShipDate = ShipmentMapper.ToTimestamp(o.LatestShipDate),
            LatestDeliveryDate = ShipmentMapper.ToTimestamp(o.LatestDeliveryDate),
            IsPrime = o.IsPrime,
            OrderName = o.OrderName,
            Version = (ulong)o.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(o.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(o.UpdatedAt),
        };
        order.Shipments.Add(shipments.Select(s => ShipmentMapper.ToProto(s, [])));
        order.Risks.Add(o.Risks.Select(ShipmentMapper.ToProto));
        order.Claims.Add((claims ?? []).Select(ClaimMapper.ToProto));
        return order;
    }

    public static OrderChange ToChange(OrderState o, IEnumerable<ShipmentState> shipments, IEnumerable<ClaimRecord>? claims = null) => new()
    {
        Order = ToProto(o, shipments, claims),
        CommittedAt = Timestamp.FromDateTimeOffset(o.UpdatedAt),
    };
}
