namespace LogisticsLink.Domain.Risks;

/// <param name="Since">When the condition was first seen to hold; kept while the flag stays raised.</param>
/// <param name="ActionRequired">The seller should act now rather than wait.</param>
public sealed record RiskFlag(RiskKind Kind, string Reason, DateTimeOffset Since, bool ActionRequired);

public static class RiskFlags
{
    public static readonly IReadOnlyList<RiskFlag> None = [];

    /// <summary>Same flags (kind, reason, action), in any order; <c>Since</c> is carried over so it never differs alone.</summary>
    public static bool SameAs(this IReadOnlyList<RiskFlag> a, IReadOnlyList<RiskFlag> b) =>
        a.Count == b.Count && a.All(x => b.Any(y => y.Kind == x.Kind && y.Reason == x.Reason && y.ActionRequired == x.ActionRequired));

    /// <summary>A flag raised now, or the same kind's earlier <c>Since</c> when it was already raised.</summary>
    public static RiskFlag Raise(IReadOnlyList<RiskFlag> previous, RiskKind kind, string reason, DateTimeOffset since, bool actionRequired)
    {
        var earlier = previous.FirstOrDefault(p => p.Kind == kind);
        return new RiskFlag(kind, reason, earlier is null || earlier.Since > since ? since : earlier.Since, actionRequired);
    }
}
