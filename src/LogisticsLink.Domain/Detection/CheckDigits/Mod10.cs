namespace LogisticsLink.Domain.Detection.CheckDigits;

/// <summary>The weighted mod 10 family: GS1 (USPS, FedEx Ground, DHL Paket) and UPS's variant with letters.</summary>
internal static class Mod10
{
    /// <summary>
    /// GS1 check digit: from the rightmost payload digit leftwards the weights are 3, 1, 3, 1…, and the check digit
    /// tops the sum up to a multiple of 10. The published USPS/FedEx definitions count weights from the left, but
    /// every payload they apply them to has the length that makes both readings agree.
    /// </summary>
    public static int Gs1(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var fromRight = payload.Length - 1 - i;
            sum += Digit(payload[i]) * (fromRight % 2 == 0 ? 3 : 1);
        }

        return TopUp(sum);
    }

    /// <summary>GS1 over <paramref name="prefix"/> followed by <paramref name="payload"/>, for layouts whose
    /// printed form leaves out an application identifier that the check digit still covers.</summary>
    public static int Gs1(string prefix, ReadOnlySpan<char> payload) => Gs1(string.Concat(prefix.AsSpan(), payload));

    /// <summary>
    /// UPS 1Z: over the 15 characters after "1Z", every second one (0-based odd positions) counts double; letters
    /// count as (ASCII − 3) mod 10, so A = 2, B = 3 … I = 0, J = 1. Products are added as they are, not digit-summed.
    /// </summary>
    public static int Ups(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var c = payload[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : (c - 3) % 10;
            sum += value * (i % 2 == 1 ? 2 : 1);
        }

        return TopUp(sum);
    }

    private static int TopUp(int sum) => (10 - sum % 10) % 10;

    private static int Digit(char c) => c - '0';
}
