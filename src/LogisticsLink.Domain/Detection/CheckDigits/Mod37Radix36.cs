namespace LogisticsLink.Domain.Detection.CheckDigits;

/// <summary>ISO 7064 MOD 37,36 as DPD uses it: a running value over 0–9/A–Z (A = 10 … Z = 35); the check
/// character is read back from the same alphabet, so it may be a letter.</summary>
internal static class Mod37Radix36
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static char CheckCharacter(ReadOnlySpan<char> payload)
    {
        var running = 36;
        foreach (var c in payload)
        {
            running += char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            if (running > 36)
                running -= 36;
            running *= 2;
            if (running > 36)
                running -= 37;
        }

        var position = 37 - running;
        return Alphabet[position == 36 ? 0 : position];
    }
}
