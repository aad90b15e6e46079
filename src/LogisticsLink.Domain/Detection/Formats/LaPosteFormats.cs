namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>
/// La Poste / Colissimo / Chronopost. International items are S10 ending in FR (see <see cref="UpuS10Format"/>).
/// Domestic Colissimo parcels look like "6A15602676300": a digit, a letter, 11 digits. La Poste's API accepts any
/// 11–15 alphanumerics, which is too loose to detect by; that rule is only a last resort.
/// </summary>
internal static class LaPosteFormats
{
    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        // No check digit is published for domestic Colissimo numbers.
        if (IsDomesticColissimo(n))
            yield return Candidate.Unchecked(Carriers.LaPoste, "Colissimo (13)", Confidence.ShapeOnly);
    }

    /// <summary>A digit, a capital letter, 11 digits: "6A15602676300".</summary>
    public static bool IsDomesticColissimo(string n) =>
        n.Length == 13 && char.IsAsciiDigit(n[0]) && char.IsAsciiLetterUpper(n[1]) && Shape.IsDigits(n.AsSpan(2));

    /// <summary>Offered only when no other format matched, and never as a confident answer.</summary>
    public static IEnumerable<CarrierCandidate> Fallback(string n)
    {
        if (n.Length is >= 11 and <= 15 && Shape.IsLettersAndDigits(n))
            yield return Candidate.Unchecked(Carriers.LaPoste, "La Poste idShip (11-15)", Confidence.Guess);
    }
}
