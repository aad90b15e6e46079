namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>
/// Royal Mail's tracked items carry S10 ids ending in GB (see <see cref="UpuS10Format"/>); its tracking API also
/// knows the 21-character 2D-barcode id, e.g. "090367574000000FE1E1B".
/// </summary>
internal static class RoyalMailFormats
{
    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        // No check digit is published for the 2D id. No other supported layout is 21 characters long, but a 22-digit
        // IMpb with one digit dropped is; the ids carry hex letters, so an all-digit string is not taken for one.
        if (n.Length == 21 && Shape.IsLettersAndDigits(n) && n.AsSpan().ContainsAnyInRange('A', 'Z'))
            yield return Candidate.Unchecked(Carriers.RoyalMail, "Royal Mail mailPieceId (21)", Confidence.ShapeOnly);
    }
}
