namespace LogisticsLink.Domain.Detection.CheckDigits;

/// <summary>FedEx's sum-product check: Σ digitᵢ × weightᵢ (weights repeating from the left), then mod 11, then
/// mod 10 — so a remainder of 10 yields check digit 0.</summary>
internal static class WeightedMod11
{
    public static int CheckDigit(ReadOnlySpan<char> payload, ReadOnlySpan<int> repeatingWeights)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
            sum += (payload[i] - '0') * repeatingWeights[i % repeatingWeights.Length];

        return sum % 11 % 10;
    }
}
