using System.Buffers;

namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>Character-class tests on normalised (upper-case ASCII) numbers.</summary>
internal static class Shape
{
    public static readonly SearchValues<char> LettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    public static bool IsLetters(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('A', 'Z');

    public static bool IsLettersAndDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExcept(LettersAndDigits);

    /// <summary>True when <paramref name="c"/> is the digit <paramref name="expected"/> (a letter never is).</summary>
    public static bool IsDigit(char c, int expected) => c == (char)('0' + expected);
}
