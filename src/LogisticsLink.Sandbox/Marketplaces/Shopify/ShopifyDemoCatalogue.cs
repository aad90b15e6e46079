namespace LogisticsLink.Sandbox.Marketplaces.Shopify;

/// <summary>One fulfillment of a demo order, as the Admin GraphQL API describes it.</summary>
public sealed record ShopifyDemoFulfillment(
    long Id, string Status, string DisplayStatus, DateTimeOffset CreatedAt, DateTimeOffset? EstimatedDeliveryAt,
    string Company, string Number);

/// <summary>
/// One demo order. <paramref name="FulfillBy"/> and <paramref name="DeliverBy"/> are its fulfillment order's promise
/// (<c>fulfillBy</c>, <c>deliveryMethod.maxDeliveryDateTime</c>); null when the shop promises nothing.
/// </summary>
public sealed record ShopifyDemoOrder(
    long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string DisplayFulfillmentStatus,
    string CustomerLocale, DateTimeOffset? CancelledAt, IReadOnlyList<ShopifyDemoFulfillment> Fulfillments,
    DateTimeOffset? FulfillBy = null, DateTimeOffset? DeliverBy = null);

/// <summary>
/// The demo shop's orders, dated relative to the simulator's clock. Every parcel is a sandbox number (LLSB + 10 digits,
/// the last digit picking the sandbox scenario), so the carrier side plays out on loopback too:
/// <list type="bullet">
/// <item>#1001 (5820001001): one parcel, LLSB0000010010 — scenario 0, normal delivery.</item>
/// <item>#1002 (5820001002): split shipment, LLSB0000010021 (1, locker) and LLSB0000010024 (4, weather delay).</item>
/// <item>#1003 (5820001003): LLSB0000010033 — scenario 3, customs hold; tracking company "Other" (detection decides).</item>
/// <item>#1004 (5820001004): paid three days ago, nothing shipped yet, due to ship yesterday (late shipment).</item>
/// <item>#1005 (5820001005): a voided label LLSB0000010058 (scenario 8, left out by the importer) then LLSB0000010050.</item>
/// <item>#1006 (5820001006): LLSB0000010066 — scenario 6, lost in transit, promised two days ago; a French buyer.</item>
/// </list>
/// Each order promises a ship-by date two days after purchase (one for #1004) and a deliver-by date a few days
/// later, as Shopify's fulfillment orders do.
/// </summary>
public static class ShopifyDemoCatalogue
{
    public const string SandboxCompany = "LogisticsLink Sandbox";

    public static IReadOnlyList<ShopifyDemoOrder> Build(DateTimeOffset now)
    {
        var day = TimeSpan.FromDays(1);
        var hour = TimeSpan.FromHours(1);
        return
        [
            Order(1001, now - 4 * day, now - 3 * day, "FULFILLED", "en",
                Shipped(9001, now - 3 * day, now + day, SandboxCompany, "LLSB0000010010")) with { FulfillBy = now - 2 * day, DeliverBy = now + 2 * day },
            Order(1002, now - 4 * day, now - 2 * day - 6 * hour, "FULFILLED", "en-GB",
                Shipped(9002, now - 3 * day, now + day, SandboxCompany, "LLSB0000010021"),
                Shipped(9003, now - 2 * day - 6 * hour, now + 2 * day, SandboxCompany, "LLSB0000010024")) with { FulfillBy = now - 2 * day, DeliverBy = now + 3 * day },
            Order(1003, now - 3 * day, now - 2 * day, "FULFILLED", "de",
                Shipped(9004, now - 2 * day, now + 3 * day, "Other", "LLSB0000010033")) with { FulfillBy = now - day, DeliverBy = now + 4 * day },
            Order(1004, now - 3 * day, now - 3 * day + hour, "UNFULFILLED", "en") with { FulfillBy = now - day, DeliverBy = now + 2 * day },
            Order(1005, now - 2 * day, now - day, "FULFILLED", "en",
                new ShopifyDemoFulfillment(9005, "CANCELLED", "LABEL_VOIDED", now - 2 * day + hour, null, SandboxCompany, "LLSB0000010058"),
                Shipped(9006, now - day, now + 2 * day, SandboxCompany, "LLSB0000010050")) with { FulfillBy = now, DeliverBy = now + 3 * day },
            Order(1006, now - 8 * day, now - 12 * hour, "FULFILLED", "fr-FR",
                Shipped(9007, now - 7 * day, now - 2 * day, SandboxCompany, "LLSB0000010066")) with { FulfillBy = now - 6 * day, DeliverBy = now - 2 * day },
        ];
    }

    /// <summary>The numeric id (<c>legacyResourceId</c>) of demo order <c>#name</c>.</summary>
    public static long IdOf(int name) => 5820000000L + name;

    private static ShopifyDemoOrder Order(
        int name, DateTimeOffset createdAt, DateTimeOffset updatedAt, string status, string locale, params ShopifyDemoFulfillment[] fulfillments) =>
        new(IdOf(name), "#" + name, createdAt, updatedAt, status, locale, null, fulfillments);

    private static ShopifyDemoFulfillment Shipped(long id, DateTimeOffset at, DateTimeOffset eta, string company, string number) =>
        new(4400000000L + id, "SUCCESS", "IN_TRANSIT", at, eta, company, number);
}
