using System.Xml.Linq;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// Namespace-tolerant readers over DPD's SOAP XML. The lifecycle answer puts its own elements in the service
/// namespace and its children in none (or the other way round, depending on the host), so elements are found by
/// local name. Texts sit in DPD's <c>ContentLine</c> (<c>{content, bold, paragraph}</c>) and <c>ContentItem</c>
/// (<c>{label?, content[]}</c>) wrappers.
/// </summary>
internal static class DpdXml
{
    public static XElement? Child(this XElement? element, string localName) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Children(this XElement? element, string localName) =>
        element?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    public static XElement? Descendant(this XContainer container, string localName) =>
        container.Descendants().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>The trimmed text of a simple element ("" when absent).</summary>
    public static string Text(this XElement? element, string localName) => element.Child(localName)?.Value.Trim() ?? "";

    /// <summary>The text of a ContentLine child: <c>&lt;name&gt;&lt;content&gt;text&lt;/content&gt;…&lt;/name&gt;</c>.</summary>
    public static string Line(this XElement? element, string localName) => element.Child(localName).Text("content");

    /// <summary>The lines of ContentItem children, joined: <c>&lt;name&gt;&lt;content&gt;&lt;content&gt;text…</c>.</summary>
    public static string Items(this XElement? element, string localName) => string.Join(" ",
        element.Children(localName)
            .SelectMany(item => item.Children("content"))
            .Select(line => line.Text("content"))
            .Where(t => t.Length > 0));

    /// <summary>"true"/"1" → true, "false"/"0" → false (xs:boolean as text), anything else → null.</summary>
    public static bool? Flag(this XElement? element, string localName) => element.Text(localName).ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
