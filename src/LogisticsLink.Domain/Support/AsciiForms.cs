using System.Buffers;

namespace LogisticsLink.Domain.Support;

/// <summary>
/// Characters a buyer's keyboard types for ASCII, read as the ASCII they stand for: the full-width forms a Japanese or
/// Chinese keyboard types ("０３－１２３４－５６７８", "１Ｚ９９９ＡＡ１…", "＋４４") and the ideographic space as a space, and
/// the digits of the scripts buyers on Amazon.ae, .sa, .eg and .in write numbers in: Arabic-Indic ("٣٠٢"), Extended
/// Arabic-Indic ("۳۰۲", Persian and Urdu keyboards) and Devanagari ("३०२"). A buyer's number, a phone number in a
/// reply, and a tracking number or order id an agent pastes into a request as the buyer wrote it are the same number
/// however their digits are written. One character for one, so a position in the folded text is the same position in
/// what was written.
/// </summary>
public static class AsciiForms
{
    private const char FirstFullWidth = '\uFF01';
    private const char LastFullWidth = '\uFF5E';
    private const char IdeographicSpace = '\u3000';

    // Each script's zero; its nine other digits follow it in order.
    private const char ArabicIndicZero = '\u0660';
    private const char ExtendedArabicIndicZero = '\u06F0';
    private const char DevanagariZero = '\u0966';

    private static readonly SearchValues<char> Folded = SearchValues.Create(
        [.. Run(FirstFullWidth, LastFullWidth), IdeographicSpace, .. Digits(ArabicIndicZero), .. Digits(ExtendedArabicIndicZero), .. Digits(DevanagariZero)]);

    /// <summary>Whether <paramref name="c"/> is a full-width form: what a browser also reads as ASCII in an address.</summary>
    public static bool IsFullWidth(char c) => c is >= FirstFullWidth and <= LastFullWidth or IdeographicSpace;

    /// <summary>The ASCII character <paramref name="c"/> stands for; any other character as it is.</summary>
    public static char Plain(char c) => c switch
    {
        >= FirstFullWidth and <= LastFullWidth => (char)(c - 0xFEE0),
        IdeographicSpace => ' ',
        >= ArabicIndicZero and <= (char)(ArabicIndicZero + 9) => (char)('0' + (c - ArabicIndicZero)),
        >= ExtendedArabicIndicZero and <= (char)(ExtendedArabicIndicZero + 9) => (char)('0' + (c - ExtendedArabicIndicZero)),
        >= DevanagariZero and <= (char)(DevanagariZero + 9) => (char)('0' + (c - DevanagariZero)),
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

    private static IEnumerable<char> Digits(char zero) => Run(zero, (char)(zero + 9));

    private static IEnumerable<char> Run(char first, char last) => Enumerable.Range(first, last - first + 1).Select(c => (char)c);
}
