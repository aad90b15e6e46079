namespace LogisticsLink.Domain.Detection.CheckDigits;

/// <summary>DHL Express: the check digit is the serial, read as one number, modulo 7.</summary>
internal static class Mod7
{
    // Horner's rule keeps the remainder small, so serials of any length work without big integers.
    public static int CheckDigit(ReadOnlySpan<char> serial)
    {
        var remainder = 0;
        foreach (var c in serial)
            remainder = (remainder * 10 + (c - '0')) % 7;

        return remainder;
    }
}
