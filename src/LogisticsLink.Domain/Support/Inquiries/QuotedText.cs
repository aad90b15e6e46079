using System.Text.RegularExpressions;

namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>
/// What in a buyer's message is an earlier message quoted by their mail program, for <see cref="InquiryMatcher"/>:
/// lines starting with '&gt;', and everything after an attribution line ("On … wrote:", "Le … a écrit :",
/// "Am … schrieb …:", "El … escribió:", "Il … ha scritto:", possibly wrapped onto a second line), an
/// "-----Original Message-----" line or an Outlook header block ("From: …" over "Sent: …") in one of the reply languages.
/// </summary>
internal static partial class QuotedText
{
    [GeneratedRegex(@"^[ \t]*>[^\n]*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteLine();

    // The attribution ends its line with a colon; a sentence that mentions writing ("On Monday you wrote that…") does not.
    [GeneratedRegex(
        @"^[ \t]*(?:On|Le|Am|El|Il)[ \t][^\n]{0,200}?(?:\r?\n[^\n]{0,200}?)?(?<![\p{L}])(?:wrote|a[ \t]+écrit|schrieb|escribió|ha[ \t]+scritto)(?![\p{L}])[^\n:]{0,200}:[ \t]*\r?$",
        RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(
        @"^[ \t]*-{2,}[ \t]*(?:Original Message|Message d'origine|Message d’origine|Ursprüngliche Nachricht|Mensaje original|Messaggio originale)[ \t]*-{2,}[ \t]*\r?$",
        RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    // Outlook quotes under a header block in the language of its interface: "From:" / "De :" / "Von:" / "De:" / "Da:"
    // over "Sent:" / "Envoyé :" / "Gesendet:" / "Enviado el:" / "Inviato:" (or the date line of newer Outlooks), the
    // labels sometimes starred when the mail was HTML. A buyer's own "From: Anna" line is not followed by a sent date.
    [GeneratedRegex(
        @"^[ \t]*\*?(?:From|De|Von|Da)\*?[ \t\u00A0\u202F]*:\*?[^\n]*\n[ \t]*\*?(?:Sent|Date|Envoyé|Gesendet|Datum|Enviado(?:[ \t]+el)?|Fecha|Inviato|Data)\*?[ \t\u00A0\u202F]*:",
        RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderBlock();

    /// <summary>
    /// The buyer's own text: <paramref name="text"/> with every quoted character but line breaks made a space, so
    /// that positions stay those of the message; null when nothing is quoted.
    /// </summary>
    public static string? BuyersOwn(string text)
    {
        var own = text.ToCharArray();
        var quoted = false;
        foreach (Match m in QuoteLine().Matches(text))
        {
            Blank(own, m.Index, m.Index + m.Length);
            quoted = true;
        }
        var attribution = Attribution().Match(text);
        var original = OriginalMessage().Match(text);
        var header = HeaderBlock().Match(text);
        var rest = new[] { attribution, original, header }.Where(m => m.Success).Select(m => m.Index).DefaultIfEmpty(-1).Min();
        if (rest >= 0)
        {
            Blank(own, rest, text.Length);
            quoted = true;
        }
        return quoted ? new string(own) : null;
    }

    private static void Blank(char[] text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is not ('\n' or '\r'))
            {
                text[i] = ' ';
            }
        }
    }
}
