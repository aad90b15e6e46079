namespace LogisticsLink.Domain.Orders;

/// <summary>Who ships the order. Numeric values equal the contract's <c>FulfillmentChannel</c> values.</summary>
public enum FulfillmentChannel
{
    Unspecified = 0,

    /// <summary>Fulfilled by the merchant (Amazon MFN/FBM, every Shopify and eBay order): status comes from the carrier.</summary>
    Merchant = 1,

    /// <summary>Fulfilled by Amazon (AFN/FBA): status comes from Amazon, and Amazon owns the buyer's logistics questions.</summary>
    Amazon = 2,

    /// <summary>Fulfilled by a third-party logistics provider.</summary>
    ThirdParty = 3,
}
