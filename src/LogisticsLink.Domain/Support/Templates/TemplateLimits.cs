namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// How much work one reply template may cause. A tenant's template is code the server runs for every reply: without
/// bounds, a nested loop pins a core and doubling a string twenty-seven times takes gigabytes, and neither the call's
/// deadline nor a disconnect stops it. Real replies are far below each bound (Amazon takes at most 2,000 characters).
/// </summary>
public static class TemplateLimits
{
    /// <summary>Characters of template text.</summary>
    public const int MaxTemplateLength = 10_000;

    /// <summary>Loop iterations and tags executed in one rendering (Fluid's step count).</summary>
    public const int MaxSteps = 10_000;

    /// <summary>Numbers in a range <c>(a..b)</c>: the engine builds it as an array before the loop's first step.</summary>
    public const int MaxRangeLength = 1_000;

    /// <summary>Characters of the rendered text, and of any one value a filter or an assignment makes.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>
    /// Characters the filters of one rendering may handle in all, each call counted as its input's length times its
    /// longest text argument: a single <c>replace</c> or <c>join</c> multiplies, so its cost is known before it runs.
    /// </summary>
    public const int MaxFilterWork = 1_000_000;
}

/// <summary>A template would do more work than <see cref="TemplateLimits"/> allows; the message names the limit.</summary>
public sealed class TemplateLimitException(string message) : TemplateRenderException("too much work", message);
