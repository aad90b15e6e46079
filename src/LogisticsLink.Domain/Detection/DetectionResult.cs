namespace LogisticsLink.Domain.Detection;

/// <summary>What <see cref="CarrierDetector.Detect"/> made of one input.</summary>
/// <param name="Normalized">Upper-case input without whitespace and dashes — the form carriers expect.</param>
/// <param name="IsWellFormed">False when the input cannot be a tracking number at all (characters other than
/// letters and digits, no digit, too short or too long); callers answer INVALID_ARGUMENT.</param>
/// <param name="Candidates">Best first: checksum-valid before the rest, then by confidence. At most one entry per
/// carrier (its best format). Empty when nothing matched or the input is not well formed.</param>
public sealed record DetectionResult(string Normalized, bool IsWellFormed, IReadOnlyList<CarrierCandidate> Candidates)
{
    /// <summary>
    /// Below this a candidate is only a shape match that something speaks against (a failed check digit) or that
    /// several carriers share; it never makes a number unambiguous, and it never makes one ambiguous either.
    /// </summary>
    public const double PlausibleConfidence = 0.5;

    /// <summary>
    /// The carriers the number plausibly belongs to, best first: those with a candidate at or above
    /// <see cref="PlausibleConfidence"/>. A carrier whose check digit fails on the number is none of them; several
    /// are a collision the caller settles.
    /// </summary>
    public IReadOnlyList<string> PlausibleCarriers =>
        [.. Candidates.Where(c => c.Confidence >= PlausibleConfidence).Select(c => c.Carrier)];

    /// <summary>
    /// The answer when there is exactly one: the best candidate of the only carrier with a plausible candidate,
    /// every other one sitting below <see cref="PlausibleConfidence"/>. Null when nothing is plausible or two
    /// carriers are — a known collision must be settled by the caller, not guessed.
    /// </summary>
    public CarrierCandidate? Unambiguous
    {
        get
        {
            CarrierCandidate? only = null;
            foreach (var candidate in Candidates)
            {
                if (candidate.Confidence < PlausibleConfidence)
                    continue;
                if (only is not null && only.Carrier != candidate.Carrier)
                    return null;
                only ??= candidate;
            }

            return only;
        }
    }
}
