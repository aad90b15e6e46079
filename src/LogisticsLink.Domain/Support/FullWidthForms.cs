namespace LogisticsLink.Domain.Support;

/// <summary>
/// The full-width forms of ASCII a Japanese or Chinese keyboard types ("０３－１２３４－５６７８", "１Ｚ９９９ＡＡ１…",
/// "＋４４"), read as the ASCII they stand for, and the ideographic space as a space: a buyer's number and a phone
/// number in a reply are the same number however wide their digits. One character for one, so a position in the
/// folded text is the same position in what was written.
/// </summary>
internal static class FullWidthForms
{
    private const char First = '\uFF01';
    private const char Last = '\uFF5E';
    private const char IdeographicSpace = '\u3000';

    public static bool IsFullWidth(char c) => c is >= First and <= Last or IdeographicSpace;

    /// <summary>The ASCII character <paramref name="c"/> is the full-width form of; any other character as it is.</summary>
    public static char Plain(char c) => c switch
    {
        >= First and <= Last => (char)(c - 0xFEE0),
        IdeographicSpace => ' ',
        _ => c,
    };

    /// <summary><paramref name="text"/> with every full-width form read as its ASCII character; the same length.</summary>
    public static string Fold(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange(First, Last) && !text.Contains(IdeographicSpace, StringComparison.Ordinal))
        {
            return text;
        }
        return string.Create(text.Length, text, static (folded, written) =>
        {
            for (var i = 0; i < written.Length; i++)
            {
                folded[i] = Plain(written[i]);
            }
        });
    }
}
