using LogisticsLink.Domain.Detection.CheckDigits;

namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>
/// Purolator's 12-digit numbers (Luhn check). LogisticsLink has no Purolator connector; the format is here because a
/// 12-digit number can pass both FedEx Express's check and this one, and then the honest answer is "ambiguous".
/// </summary>
internal static class PurolatorFormat
{
    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        if (n.Length == 12 && Shape.IsDigits(n))
        {
            var valid = Shape.IsDigit(n[^1], Luhn.CheckDigit(n.AsSpan(0, 11)));
            yield return Candidate.Checked(Carriers.Purolator, "Purolator (12)", valid, Confidence.ShapeOnly);
        }
    }
}
