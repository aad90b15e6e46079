using System.Globalization;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Support.Evidence;

namespace LogisticsLink.Domain.Orders;

/// <summary>
/// The claim clock as an order risk: CLAIM_OPEN while the order has an open claim, since the first one was opened,
/// naming the claim whose response is due first. Every registered claim counts as open: nothing closes a claim yet.
/// </summary>
public static class ClaimRisks
{
    public static RiskFlag? Raise(IReadOnlyList<RiskFlag> previous, IReadOnlyList<ClaimRecord> claims)
    {
        if (claims.Count == 0)
        {
            return null;
        }
        var due = claims.MinBy(c => c.RespondBy)!;
        var more = claims.Count > 1 ? $" ({claims.Count} open claims)" : "";
        var reason = $"Claim {due.Kind} opened {Minute(due.OpenedAt)}: respond by {Minute(due.RespondBy)}{more}";
        return RiskFlags.Raise(previous, RiskKind.ClaimOpen, reason, claims.Min(c => c.OpenedAt), true);
    }

    private static string Minute(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
