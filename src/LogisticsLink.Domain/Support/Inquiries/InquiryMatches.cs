namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>An order reference found in a buyer's message.</summary>
/// <param name="Channel">"amazon", "shopify" or "ebay": the marketplace whose order-id layout matched.</param>
/// <param name="OrderId">The id as the marketplace writes it (Shopify's <c>#1001</c> without the <c>#</c>).</param>
/// <param name="Start">Where it starts in the message (UTF-16 index).</param>
/// <param name="Length">How long it is in the message.</param>
public sealed record OrderIdMatch(string Channel, string OrderId, int Start, int Length)
{
    /// <summary>
    /// For a bare number: written as an order's number ("order 1003", see <see cref="OrderWords"/>). Only then may it
    /// pick an order; an unmarked one only proposes it.
    /// </summary>
    public bool Marked { get; init; }
}

/// <summary>A tracking number found in a buyer's message.</summary>
/// <param name="Number">The normalized number (upper case, no spaces or dashes).</param>
/// <param name="Carriers">The plausible carriers, best first; more than one means the layout alone cannot tell.</param>
public sealed record TrackingNumberMatch(string Number, IReadOnlyList<string> Carriers, int Start, int Length);

/// <summary>
/// Everything <see cref="InquiryMatcher"/> found in one message, in order of appearance, without repeats.
/// <see cref="OrderNumbers"/> are bare numbers ("Bestellung 1002", "order 5820001002"): only possibly a Shopify order
/// number or id, so they are weaker than the shaped references and are looked up only when those cannot decide.
/// </summary>
public sealed record InquiryMatches(IReadOnlyList<OrderIdMatch> OrderIds, IReadOnlyList<TrackingNumberMatch> TrackingNumbers)
{
    public static readonly InquiryMatches None = new([], []);

    /// <summary>Bare numbers that could be a Shopify order's number (its name without '#') or numeric id.</summary>
    public IReadOnlyList<OrderIdMatch> OrderNumbers { get; init; } = [];

    public bool IsEmpty => OrderIds.Count == 0 && TrackingNumbers.Count == 0;
}
