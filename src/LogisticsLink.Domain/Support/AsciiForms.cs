using System.Buffers;
using System.Globalization;

namespace LogisticsLink.Domain.Support;

/// <summary>
/// Characters a buyer's keyboard types for ASCII, read as the ASCII they stand for: the full-width forms a Japanese or
/// Chinese keyboard types ("０３－１２３４－５６７８", "１Ｚ９９９ＡＡ１…", "＋４４") and the ideographic space as a space, and
/// the decimal digits of every script (Unicode general category Nd) as the ASCII digit of their value: Arabic-Indic
/// ("٣٠٢", Amazon.ae, .sa, .eg), Extended Arabic-Indic ("۳۰۲", Persian and Urdu keyboards), Devanagari ("३०२"), Bengali
/// ("৩০২"), Thai ("๓๐๒"), Myanmar, Tamil, Khmer and the others. A buyer's number, a phone number in a reply, and a
/// tracking number or order id an agent pasted into a request as the buyer wrote it are the same number however their
/// digits are written. One character for one, so a position in the folded text is the same position in what was
/// written; a digit outside the Basic Multilingual Plane (mathematical bold "𝟑", U+1D7D1) is two UTF-16 characters, so
/// it is left as written rather than move every position after it.
/// </summary>
public static class AsciiForms
{
    private const char FirstFullWidth = '\uFF01';
    private const char LastFullWidth = '\uFF5E';
    private const char IdeographicSpace = '\u3000';

    private static readonly SearchValues<char> Folded = SearchValues.Create(
        [.. Run(FirstFullWidth, LastFullWidth), IdeographicSpace, .. OtherScriptDigits()]);

    /// <summary>Whether <paramref name="c"/> is a full-width form: what a browser also reads as ASCII in an address.</summary>
    public static bool IsFullWidth(char c) => c is >= FirstFullWidth and <= LastFullWidth or IdeographicSpace;

    /// <summary>The ASCII character <paramref name="c"/> stands for; any other character as it is.</summary>
    public static char Plain(char c) => c switch
    {
        >= FirstFullWidth and <= LastFullWidth => (char)(c - 0xFEE0),
        IdeographicSpace => ' ',
        _ when IsOtherScriptDigit(c) => (char)('0' + (int)char.GetNumericValue(c)),
        _ => c,
    };

    /// <summary><paramref name="text"/> with every character that stands for ASCII read as it; the same length.</summary>
    public static string Fold(string text)
    {
        if (!text.AsSpan().ContainsAny(Folded))
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

    // Every Nd character is one of its script's ten digits, valued 0 to 9; a lone UTF-16 surrogate has a category of its
    // own (Surrogate), so a digit written as a pair is never one of them.
    private static bool IsOtherScriptDigit(char c) =>
        !char.IsAscii(c) && char.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;

    private static IEnumerable<char> OtherScriptDigits() => Run((char)0x80, char.MaxValue).Where(IsOtherScriptDigit);

    private static IEnumerable<char> Run(char first, char last) => Enumerable.Range(first, last - first + 1).Select(c => (char)c);
}
