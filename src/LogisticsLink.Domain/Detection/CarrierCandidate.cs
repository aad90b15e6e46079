namespace LogisticsLink.Domain.Detection;

/// <summary>One carrier a tracking number may belong to.</summary>
/// <param name="Carrier">Carrier code as in <c>Shipment.carrier</c> ("ups", "fedex", …). Detection can also name
/// carriers LogisticsLink has no connector for ("upu", "purolator") because hiding them would make a genuinely
/// ambiguous number look certain.</param>
/// <param name="Format">Short human name of the matched format, e.g. "UPS 1Z" or "UPU S10 (FR)".</param>
/// <param name="ChecksumValid">True only when the format has a check digit and it verifies. Formats without a check
/// digit report false: nothing vouched for the number beyond its shape.</param>
/// <param name="Confidence">0..1. At or above <see cref="DetectionResult.PlausibleConfidence"/> the candidate is a
/// plausible answer; a failed check digit always lands well below it.</param>
public sealed record CarrierCandidate(string Carrier, string Format, bool ChecksumValid, double Confidence);
