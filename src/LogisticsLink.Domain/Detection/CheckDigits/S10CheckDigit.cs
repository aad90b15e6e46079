namespace LogisticsLink.Domain.Detection.CheckDigits;

/// <summary>UPU S10: the 8 serial digits weighted 8, 6, 4, 2, 3, 5, 9, 7, summed, mod 11; then 11 − r, except
/// that the standard fixes r = 0 → 5 and r = 1 → 0 so the result stays a single digit.</summary>
internal static class S10CheckDigit
{
    public static int Compute(ReadOnlySpan<char> serial)
    {
        ReadOnlySpan<int> weights = [8, 6, 4, 2, 3, 5, 9, 7];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
            sum += (serial[i] - '0') * weights[i];

        return (sum % 11) switch
        {
            0 => 5,
            1 => 0,
            var r => 11 - r,
        };
    }
}
