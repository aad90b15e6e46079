using LogisticsLink.Domain.Detection.CheckDigits;

namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>
/// UPU S10, the international postal item id: service 2 letters + serial 8 digits + check digit + ISO country 2
/// letters, e.g. "EW112720413FR". The item belongs to the postal operator of that country.
/// </summary>
internal static class UpuS10Format
{
    public static IEnumerable<CarrierCandidate> Match(string n)
    {
        if (n.Length != 13
            || !Shape.IsLetters(n.AsSpan(0, 2))
            || !Shape.IsDigits(n.AsSpan(2, 9))
            || !Shape.IsLetters(n.AsSpan(11, 2)))
            yield break;

        var country = n[11..];
        if (!S10Countries.IsCountry(country))
            yield break;

        // Countries without a connector still come back (as "upu") rather than nothing: the caller can then say
        // "this is a postal item of CN" instead of "unknown number".
        var valid = Shape.IsDigit(n[10], S10CheckDigit.Compute(n.AsSpan(2, 8)));
        yield return Candidate.Checked(S10Countries.OperatorOf(country), $"UPU S10 ({country})", valid, Confidence.Strong);
    }
}
