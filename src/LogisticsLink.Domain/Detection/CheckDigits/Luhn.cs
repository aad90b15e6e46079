namespace LogisticsLink.Domain.Detection.CheckDigits;

/// <summary>Standard Luhn: from the rightmost payload digit leftwards every other digit is doubled (minus 9 when
/// above 9); the check digit tops the sum up to a multiple of 10.</summary>
internal static class Luhn
{
    public static int CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var value = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
                value = value * 2 > 9 ? value * 2 - 9 : value * 2;
            sum += value;
        }

        return (10 - sum % 10) % 10;
    }
}
