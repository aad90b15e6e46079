using System.Globalization;
using System.Text.Json.Nodes;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// The Admin GraphQL documents the importer sends. Only cheap fields: scalars cost nothing, each object one point, so a
/// page of <c>first</c> orders is requested at about <c>first × (1 + fulfillments + fulfillment orders × 2)</c> points.
/// </summary>
internal static class ShopifyQueries
{
    /// <summary>The <c>first</c> of <c>fulfillments</c> and of their <c>trackingInfo</c> in <see cref="OrderFields"/>.</summary>
    public const int MaxFulfillments = 20, MaxTrackingNumbers = 10;

    /// <summary>
    /// Fields of one order: the status, the buyer's locale, every fulfillment's tracking, and the promise of each
    /// fulfillment order (<c>fulfillBy</c>: ship by; <c>deliveryMethod.maxDeliveryDateTime</c>: deliver by).
    /// </summary>
    private const string OrderFields = """
        id
        legacyResourceId
        name
        createdAt
        updatedAt
        cancelledAt
        displayFulfillmentStatus
        customerLocale
        fulfillments(first: 20) {
          id
          legacyResourceId
          status
          displayStatus
          createdAt
          inTransitAt
          deliveredAt
          estimatedDeliveryAt
          trackingInfo(first: 10) { number company url }
        }
        fulfillmentOrders(first: 10) {
          nodes {
            status
            fulfillBy
            deliveryMethod { methodType maxDeliveryDateTime }
          }
        }
        """;

    public const string ChangedOrders = $$"""
        query ChangedOrders($first: Int!, $after: String, $query: String) {
          orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
            pageInfo { hasNextPage endCursor }
            nodes {
              {{OrderFields}}
            }
          }
        }
        """;

    public const string OneOrder = $$"""
        query OneOrder($id: ID!) {
          order(id: $id) {
            {{OrderFields}}
          }
        }
        """;

    /// <summary>Shopify's search syntax: orders updated at or after <paramref name="since"/> (UTC, second precision).</summary>
    public static string UpdatedSince(DateTimeOffset since) =>
        "updated_at:>='" + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "'";

    /// <summary>An order's GraphQL id from its numeric id (or the GraphQL id itself).</summary>
    public static string OrderGid(string orderId) =>
        orderId.StartsWith("gid://", StringComparison.Ordinal) ? orderId : "gid://shopify/Order/" + orderId;

    public static string Body(string query, JsonObject variables) =>
        new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString();
}
