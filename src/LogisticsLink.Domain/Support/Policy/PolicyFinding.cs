namespace LogisticsLink.Domain.Support.Policy;

/// <summary>One breach of the messaging policy: which rule, what is wrong, and where in the text.</summary>
/// <param name="Code">A stable rule code (see <see cref="PolicyCodes"/>).</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="Start">Where the offending text starts (UTF-16 index into the reply).</param>
/// <param name="Length">How long the offending text is.</param>
public sealed record PolicyFinding(string Code, string Message, int Start, int Length);

/// <summary>The rule codes a <see cref="PolicyFinding"/> carries.</summary>
public static class PolicyCodes
{
    public const string TooLong = "too_long";
    public const string Link = "link";
    public const string Email = "email_address";
    public const string Phone = "phone_number";
    public const string Marketing = "marketing";
    public const string ReviewRequest = "review_request";
    public const string Emoji = "emoji";
    public const string Html = "html";

    /// <summary>The reply is not in the buyer's language of preference (we have no templates in it).</summary>
    public const string Language = "language";
}
