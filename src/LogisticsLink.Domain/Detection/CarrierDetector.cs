using System.Collections.Immutable;
using LogisticsLink.Domain.Detection.Formats;

namespace LogisticsLink.Domain.Detection;

/// <summary>
/// Works out which carriers a tracking number can belong to from its layout and check digit alone — no carrier is
/// asked. Pure and thread-safe.
/// </summary>
public static class CarrierDetector
{
    // Each family reports every layout it recognises, including those whose check digit fails: "looks like UPS
    // but the check digit is wrong" is worth telling a user who mistyped one character.
    private static readonly ImmutableArray<Func<string, IEnumerable<CarrierCandidate>>> Families =
    [
        SandboxFormat.Match,
        UpsFormats.Match,
        FedExFormats.Match,
        UspsFormats.Match,
        UpuS10Format.Match,
        DhlFormats.Match,
        DpdFormats.Match,
        RoyalMailFormats.Match,
        LaPosteFormats.Match,
        AmazonFormats.Match,
        PurolatorFormat.Match,
    ];

    /// <summary>
    /// A typed or pasted number as every API reads it: without whitespace of any kind or dashes of any kind, upper-cased.
    /// The same cleaning as <see cref="Detect"/>'s, so a number it names a carrier for is tracked under that number.
    /// </summary>
    public static string Normalize(string rawNumber) => TrackingNumberText.Normalize(rawNumber);

    public static DetectionResult Detect(string rawNumber)
    {
        ArgumentNullException.ThrowIfNull(rawNumber);

        var normalized = TrackingNumberText.Normalize(rawNumber);
        if (!TrackingNumberText.IsWellFormed(normalized))
            return new DetectionResult(normalized, false, []);

        var matches = Families.SelectMany(family => family(normalized)).ToList();

        // La Poste accepts almost any 11–15 character id, so it is only offered when no real format spoke up;
        // otherwise it would turn every FedEx or DHL number into a La Poste collision.
        if (matches.Count == 0)
            matches.AddRange(LaPosteFormats.Fallback(normalized));

        var ranked = matches
            .OrderByDescending(c => c.ChecksumValid)
            .ThenByDescending(c => c.Confidence)
            // One entry per carrier: two USPS layouts matching is not a collision, and the caller needs carriers.
            .DistinctBy(c => c.Carrier, StringComparer.Ordinal)
            .ToImmutableArray();

        return new DetectionResult(normalized, true, ranked);
    }
}
