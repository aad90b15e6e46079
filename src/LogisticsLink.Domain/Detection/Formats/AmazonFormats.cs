namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>Amazon Logistics: "TBA", "TBC" or "TBM" + 12 digits, e.g. TBA502887274000.</summary>
internal static class AmazonFormats
{
    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        // No check digit exists; the prefix is distinctive enough on its own (no other layout starts with TB).
        if (n.Length == 15 && n.StartsWith("TB", StringComparison.Ordinal) && n[2] is 'A' or 'C' or 'M'
            && Shape.IsDigits(n.AsSpan(3)))
            yield return Candidate.Unchecked(Carriers.Amazon, $"Amazon {n[..3]}", Confidence.Prefixed);
    }
}
