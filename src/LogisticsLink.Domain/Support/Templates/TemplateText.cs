using System.Text.RegularExpressions;

namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// Everything a template can print whatever the values: its literal text with each Liquid tag replaced by the string
/// literals the tag holds (<c>{{ "www.myshop.com" }}</c> prints one). Checking this as well as one sample rendering
/// covers the branches the sample values do not take (<c>{% unless eta %}…{% endunless %}</c>).
/// </summary>
public static partial class TemplateText
{
    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"""([^""]*)""|'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    /// <summary>
    /// The text with tags removed rather than replaced by a space, so that an address split by an empty tag
    /// (<c>www.my{% if x %}{% endif %}shop.com</c>) is whole again. Text of branches that exclude each other is joined
    /// too: that can only find more, and a template is refused rather than a breach let through.
    /// </summary>
    public static string Literal(string body) =>
        Tag().Replace(body, tag => string.Concat(StringLiteral().Matches(tag.Value).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)));
}
