using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Support.Templates;

/// <summary>A reply ready to send, and whether it passes the marketplace's messaging policy.</summary>
public sealed record ComposedReply(
    string Text, string Language, string TemplateId, int TemplateVersion, bool Compliant, IReadOnlyList<PolicyFinding> Findings);

/// <summary>
/// Renders a template with an order's values and checks the result: every Amazon reply goes through
/// <see cref="MessagingPolicy"/>, built-in and tenant templates alike.
/// </summary>
public static class ReplyComposer
{
    /// <exception cref="MissingPlaceholderException">A printed placeholder has no value, or is not a placeholder.</exception>
    /// <exception cref="TemplateSyntaxException">The template is not valid Liquid.</exception>
    /// <exception cref="TemplateLimitException">The template does more work than a reply may (<see cref="TemplateLimits"/>).</exception>
    /// <exception cref="TemplateFilterException">The template's arithmetic fails with these values (overflow, division by zero).</exception>
    /// <param name="carried">Values the reply carries inside a placeholder's text besides the placeholders' own: the
    /// tracking numbers <c>{{ parcels }}</c> lists, which the policy must not take for phone numbers.</param>
    public static ComposedReply Compose(
        string templateId, int templateVersion, string body, ReplyLocale locale, IReadOnlyDictionary<string, string?> values, string channel,
        IReadOnlyCollection<string>? carried = null, CancellationToken cancellationToken = default)
    {
        var render = ReplyTemplateEngine.Render(ReplyTemplateEngine.Parse(body), values, cancellationToken);
        if (!render.IsComplete)
        {
            throw new MissingPlaceholderException(templateId, render.Missing, render.Unknown);
        }
        var text = render.Text.Trim();
        var findings = AppliesPolicy(channel)
            ? MessagingPolicy.Check(text, values.Values.OfType<string>().Concat(carried ?? []).ToList()).Concat(LanguageFinding(text, locale)).ToList()
            : [];
        return new ComposedReply(text, locale.Language, templateId, templateVersion, findings.Count == 0, findings);
    }

    /// <summary>
    /// Checks a tenant's template before it is stored: it must parse, use only known placeholders, and — for Amazon or
    /// for every channel — render to a compliant reply with every placeholder filled and with none known, and hold no
    /// breach in any branch (its text as <see cref="TemplateText.Literal"/> gives it: a branch the sample values skip
    /// still reaches buyers). The rendering with no values takes the <c>{% unless eta %}</c> branches, where text built
    /// by filters (<c>{{ "reXiew" | replace: "X", "v" }}</c>) is in no literal. A branch on a value's content
    /// (<c>{% if status == "lost" %}</c>) may still hide such text: <see cref="Compose"/> checks every reply as rendered.
    /// </summary>
    public static IReadOnlyList<string> Problems(string body, string language, string channel)
    {
        IReadOnlyList<string> problems;
        try
        {
            var locale = ReplyLocale.Resolve(language);
            var template = ReplyTemplateEngine.Parse(body);
            var render = ReplyTemplateEngine.Render(template, ReplyValues.Sample(locale));
            problems = render.Unknown.Select(u => $"'{u}' is not a placeholder (known: {string.Join(", ", ReplyValues.Names)})").ToList();
            if (problems.Count == 0 && (channel.Length == 0 || AppliesPolicy(channel)))
            {
                var sample = MessagingPolicy.Check(render.Text.Trim(), ReplyValues.Sample(locale).Values.OfType<string>().ToList());
                // Printing an unknown value is the reply-time error, not a breach: only what this rendering says counts.
                var noValues = ReplyValues.Names.ToDictionary(n => n, _ => (string?)null, StringComparer.Ordinal);
                var bare = MessagingPolicy.Check(ReplyTemplateEngine.Render(template, noValues).Text.Trim());
                // Every branch's text at once is longer than any one rendering: its length says nothing.
                var everyBranch = MessagingPolicy.Check(TemplateText.Literal(body).Trim()).Where(f => f.Code != PolicyCodes.TooLong);
                // A breach more than one finds reads the same: it is reported once.
                problems = sample.Concat(bare).Concat(everyBranch).Select(f => $"{f.Code}: {f.Message}").Distinct(StringComparer.Ordinal).ToList();
            }
        }
        catch (TemplateSyntaxException e)
        {
            problems = [$"not a valid template: {e.Message}"];
        }
        catch (TemplateRenderException e)
        {
            problems = [$"{e.Problem}: {e.Message}"];
        }
        return problems;
    }

    // Amazon wants the buyer's language of preference (marketplaces.md §5.1–5.2); we have no templates in it, so the
    // English reply is returned for the agent to translate, reported on the whole text rather than passed as compliant.
    private static IEnumerable<PolicyFinding> LanguageFinding(string text, ReplyLocale locale) =>
        locale.UnservedLanguage is { } wanted
            ? [new(PolicyCodes.Language,
                $"The buyer's language is '{wanted}', which has no reply templates (only {string.Join(", ", ReplyLocale.Languages)}): the reply is in " +
                $"{locale.Language}. Amazon wants replies in the buyer's language of preference: translate it before sending.", 0, text.Length)]
            : [];

    public static bool AppliesPolicy(string channel) => string.Equals(channel, InquiryMatcher.Amazon, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A reply could not be completed: the names say which values are missing.</summary>
public sealed class MissingPlaceholderException(string templateId, IReadOnlyList<string> missing, IReadOnlyList<string> unknown)
    : Exception(Describe(templateId, missing, unknown))
{
    public IReadOnlyList<string> Missing { get; } = missing;

    public IReadOnlyList<string> Unknown { get; } = unknown;

    private static string Describe(string templateId, IReadOnlyList<string> missing, IReadOnlyList<string> unknown)
    {
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add($"no value for {string.Join(", ", missing)}");
        }
        if (unknown.Count > 0)
        {
            parts.Add($"unknown placeholder {string.Join(", ", unknown)}");
        }
        return $"Template '{templateId}' cannot be rendered: {string.Join("; ", parts)}.";
    }
}
