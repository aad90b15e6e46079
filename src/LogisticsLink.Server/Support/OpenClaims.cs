using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Support.Evidence;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Support;

/// <summary>
/// An order's open claims, for the Order message. Only an order flagged CLAIM_OPEN has any (the flag is raised in the
/// same step that follows RegisterClaim), so listing a page of orders reads the claims table only for those.
/// </summary>
public sealed class OpenClaims(ISupportStore support)
{
    public async Task<IReadOnlyList<ClaimRecord>> OfAsync(string tenantId, OrderState order, CancellationToken cancellationToken) =>
        order.Risks.Any(r => r.Kind == RiskKind.ClaimOpen)
            ? await support.ListClaimsAsync(tenantId, order.Channel, order.OrderId, cancellationToken)
            : [];
}
