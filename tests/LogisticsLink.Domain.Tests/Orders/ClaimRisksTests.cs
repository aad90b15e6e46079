using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Support.Evidence;
using LogisticsLink.Domain.Support.Inquiries;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests.Orders;

public sealed class ClaimRisksTests
{
    private static OrderState Order(IReadOnlyList<RiskFlag>? risks = null) => new()
    {
        TenantId = "t", Channel = "amazon", OrderId = "113-1234567-1234567", FulfillmentChannel = FulfillmentChannel.Merchant,
        Risks = risks ?? RiskFlags.None, CreatedAt = T0, UpdatedAt = T0,
    };

    private static ClaimRecord Claim(string id, string kind, DateTimeOffset openedAt) =>
        new(id, "amazon", "113-1234567-1234567", kind, openedAt, SupportClocks.ClaimRespondBy(openedAt), openedAt);

    [Fact]
    public void An_open_claim_raises_claim_open_naming_its_kind_and_deadline()
    {
        var flag = Assert.Single(OrderRisks.Evaluate(Order(), [], Hours(10), [Claim("c1", "a_to_z_not_received", Hours(2))]));

        Assert.Equal(RiskKind.ClaimOpen, flag.Kind);
        Assert.True(flag.ActionRequired);
        Assert.Equal(Hours(2), flag.Since);
        Assert.Contains("a_to_z_not_received", flag.Reason);
        Assert.Contains($"respond by {Hours(50).UtcDateTime:yyyy-MM-dd HH:mm} UTC", flag.Reason);
    }

    [Fact]
    public void Several_claims_name_the_one_due_first_and_keep_the_earliest_since()
    {
        var previous = new RiskFlag(RiskKind.ClaimOpen, "earlier reason", Hours(1), true);
        var claims = new[] { Claim("c2", "chargeback", Hours(5)), Claim("c1", "a_to_z_not_as_described", Hours(3)) };

        var flag = Assert.Single(OrderRisks.Evaluate(Order([previous]), [], Hours(10), claims));

        Assert.Equal(Hours(1), flag.Since);
        Assert.Contains("a_to_z_not_as_described", flag.Reason);
        Assert.Contains("2 open claims", flag.Reason);
    }

    [Fact]
    public void Without_claims_no_claim_risk_is_raised()
    {
        Assert.Empty(OrderRisks.Evaluate(Order(), [], Hours(10), []));
        Assert.Empty(OrderRisks.Evaluate(Order(), [], Hours(10)));
    }
}
