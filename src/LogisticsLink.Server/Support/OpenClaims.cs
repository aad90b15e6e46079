using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Support.Evidence;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Support;

/// <summary>
/// An order's open claims, for the Order message. Read from the claims table for every order, not only those flagged
/// CLAIM_OPEN: storing a claim and flagging its order are two steps, and a claim stored before its flag (the order is
/// marked with the claim, and flagged by the order sweep when the server stopped between them) must show meanwhile.
/// The read is one indexed lookup per order.
/// </summary>
public sealed class OpenClaims(ISupportStore support)
{
    public Task<IReadOnlyList<ClaimRecord>> OfAsync(string tenantId, OrderState order, CancellationToken cancellationToken) =>
        support.ListClaimsAsync(tenantId, order.Channel, order.OrderId, cancellationToken);
}
