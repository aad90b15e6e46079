using System.Globalization;
using System.Text;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>
/// A reply's text as a browser or a buyer reads an address in it, for <see cref="MessagingPolicy"/>'s link and e-mail
/// checks: full-width forms as their plain letters ("ｗｗｗ．example．com"), the dots a browser takes for one in a host
/// name (U+3002, U+FF0E, U+FF61) as dots, and invisible characters (a zero-width space, a soft hyphen) left out. Each
/// character of the result remembers where it came from, so a finding points at what was written.
/// </summary>
internal sealed class LookAlikes
{
    private readonly int[] _from;
    private readonly int[] _to;

    private LookAlikes(string text, int[] from, int[] to)
    {
        Text = text;
        _from = from;
        _to = to;
    }

    /// <summary>The text as read.</summary>
    public string Text { get; }

    public static LookAlikes Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var from = new List<int>(text.Length);
        var to = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var c in Read(text[i]))
            {
                folded.Append(c);
                from.Add(i);
                to.Add(i + 1);
            }
        }
        return new LookAlikes(folded.ToString(), [.. from], [.. to]);
    }

    /// <summary>Where <paramref name="start"/> and <paramref name="length"/> in <see cref="Text"/> are in what was written.</summary>
    public (int Start, int Length) Written(int start, int length)
    {
        var writtenStart = _from[start];
        return (writtenStart, _to[start + length - 1] - writtenStart);
    }

    // One character's reading. The table is written out: the service runs with invariant globalization, which has no
    // Unicode normalisation data, and only the forms a buyer's browser or eye takes for ASCII matter here.
    private static string Read(char c) => c switch
    {
        // Full-width forms of ASCII ("ｗｗｗ", "．", "＠", "：", "／") and the ideographic space; not another script's digits,
        // which a browser keeps in a host name ("shop٣.example" is not "shop3.example").
        _ when AsciiForms.IsFullWidth(c) => AsciiForms.Plain(c).ToString(),
        // Full stops UTS #46 maps to '.' in a host name, and the one-dot leader and small full stop that look like one.
        '\u3002' or '\uFF61' or '\u2024' or '\uFE52' => ".",
        '\uFE6B' => "@",
        '\uFE55' => ":",
        '\u2215' or '\u2044' => "/",
        // Invisible: a zero-width space, joiner or non-joiner, a soft hyphen, a word joiner, a byte order mark…
        _ when char.GetUnicodeCategory(c) == UnicodeCategory.Format => "",
        _ => c.ToString(),
    };
}
