using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Orders;

/// <summary>
/// Tells a parcel Amazon delivers itself for an FBA or MCF order (an Amazon Logistics <c>TBA…</c>, an <c>AFTN…</c>)
/// from what is stored, for parcels stored before the importers marked them <see cref="ShipmentState.NotPolled"/>: an
/// <c>amazon</c> parcel by its bare number on an Amazon order fulfilled by Amazon (FBA) or shipped as Multi-Channel
/// Fulfillment. An Amazon Shipping label is never on such an order (the seller does not ship it), and one an FBM import
/// names by its carrier id (<c>AMZN_US:TBA…</c>) is not bare.
/// </summary>
public static class AmazonDeliveredParcels
{
    private const string AmazonChannel = "amazon";
    private const string AmazonCarrier = "amazon";

    /// <summary>Whether the parcel's order is worth reading to decide (<see cref="IsDeliveredByAmazon"/>).</summary>
    public static bool MayBeDeliveredByAmazon(ShipmentState parcel) =>
        !parcel.NotPolled && parcel.Carrier == AmazonCarrier && !parcel.TrackingNumber.Contains(':', StringComparison.Ordinal)
        && parcel.Order.Channel == AmazonChannel;

    /// <param name="order">The stored order the parcel is linked to.</param>
    public static bool IsDeliveredByAmazon(ShipmentState parcel, OrderState order) =>
        MayBeDeliveredByAmazon(parcel) && order.Channel == parcel.Order.Channel && order.OrderId == parcel.Order.OrderId
        && order.FulfillmentChannel is FulfillmentChannel.Amazon or FulfillmentChannel.ThirdParty;
}
