namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>LogisticsLink's own sandbox carrier: "LLSB" + 10 digits. No check digit — we issue these ourselves.</summary>
internal static class SandboxFormat
{
    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        if (n.Length == 14 && n.StartsWith("LLSB", StringComparison.Ordinal) && Shape.IsDigits(n.AsSpan(4)))
            yield return Candidate.Unchecked(Carriers.Sandbox, "Sandbox LLSB", Confidence.Certain);
    }
}
