using System.Buffers;
using System.Globalization;
using System.Text;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>
/// Where a text holds emojis, for <see cref="MessagingPolicy"/>: each emoji is one span, however many code points
/// draw it (a flag's two letters, a skin tone, a selector, a keycap, people joined by zero-width joiners).
/// </summary>
internal static class Emojis
{
    private const int Selector = 0xFE0F, Keycap = 0x20E3, Joiner = 0x200D;

    /// <summary>Each emoji's start, length and first code point, in order.</summary>
    public static IEnumerable<(int Start, int Length, int CodePoint)> Find(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var rune = RuneAt(text, i);
            var next = i + rune.Utf16SequenceLength;
            if (!IsEmoji(rune) && RuneAt(text, next).Value is not (Selector or Keycap))
            {
                i = next;
                continue;
            }
            var end = Extend(text, next, rune);
            yield return (i, end - i, rune.Value);
            i = end;
        }
    }

    // What a character is drawn as by default (Unicode's Emoji_Presentation), so that a bare "⏳" is caught while
    // "©", "™" or "→", text unless a selector follows, are not. The 2600-27BF blocks are taken whole, as before:
    // a dingbat there is rarely anything else in a buyer message.
    private static bool IsEmoji(Rune rune) => rune.Value is
        (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF)
        or 0x231A or 0x231B or (>= 0x23E9 and <= 0x23EC) or 0x23F0 or 0x23F3 or 0x25FD or 0x25FE
        or 0x3030 or 0x303D or 0x3297 or 0x3299
        or Selector or Joiner
        || (rune.Value is >= 0x2B00 and <= 0x2BFF && Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol);

    // The rest of one emoji: a flag's second letter, then any selectors, keycaps, skin tones and tag characters, and
    // whatever a zero-width joiner glues on.
    private static int Extend(string text, int at, Rune first)
    {
        if (IsRegionalIndicator(first) && IsRegionalIndicator(RuneAt(text, at)))
        {
            at += 2;
        }
        while (at < text.Length)
        {
            var rune = RuneAt(text, at);
            if (rune.Value is Selector or Keycap or (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F))
            {
                at += rune.Utf16SequenceLength;
            }
            else if (rune.Value == Joiner && at + 1 < text.Length)
            {
                at += 1 + RuneAt(text, at + 1).Utf16SequenceLength;
            }
            else
            {
                break;
            }
        }
        return at;
    }

    private static bool IsRegionalIndicator(Rune rune) => rune.Value is >= 0x1F1E6 and <= 0x1F1FF;

    // A lone surrogate reads as U+FFFD of length one rather than throwing: the lint must not fail on a broken reply.
    private static Rune RuneAt(string text, int index)
    {
        if (index >= text.Length)
        {
            return Rune.ReplacementChar;
        }
        return Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == OperationStatus.Done ? rune : Rune.ReplacementChar;
    }
}
