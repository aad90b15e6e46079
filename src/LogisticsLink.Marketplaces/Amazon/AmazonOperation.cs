namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// An SP-API operation and its default usage plan (rate in requests per second, burst), from the "Usage Plan" table
/// of each operation in Amazon's models. The rate is replaced by <c>x-amzn-RateLimit-Limit</c> when Amazon sends it.
/// </summary>
public sealed record AmazonOperation(string Name, double Rate, int Burst)
{
    public static readonly AmazonOperation SearchOrders = new("searchOrders", 0.0056, 20);
    public static readonly AmazonOperation GetOrder = new("getOrder", 0.5, 30);
    public static readonly AmazonOperation GetOrdersV0 = new("getOrders (v0)", 0.0167, 20);
    public static readonly AmazonOperation GetOrderV0 = new("getOrder (v0)", 0.5, 30);
    public static readonly AmazonOperation CreateReport = new("createReport", 0.0167, 15);
    public static readonly AmazonOperation GetReport = new("getReport", 2, 15);
    public static readonly AmazonOperation GetReportDocument = new("getReportDocument", 0.0167, 15);
    public static readonly AmazonOperation GetPackageTrackingDetails = new("getPackageTrackingDetails", 2, 30);
    public static readonly AmazonOperation ListAllFulfillmentOrders = new("listAllFulfillmentOrders", 2, 30);
    public static readonly AmazonOperation GetFulfillmentOrder = new("getFulfillmentOrder", 2, 30);
}
