namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>Builds candidates so the failed-check penalty is applied the same way by every format.</summary>
internal static class Candidate
{
    public static CarrierCandidate Checked(string carrier, string format, bool checksumValid, double confidence) =>
        // Rounded so the wire shows 0.15, not 0.15000000000000002.
        new(carrier, format, checksumValid, checksumValid ? confidence : Math.Round(confidence * Confidence.FailedCheckFactor, 2));

    public static CarrierCandidate Unchecked(string carrier, string format, double confidence) =>
        new(carrier, format, false, confidence);
}
