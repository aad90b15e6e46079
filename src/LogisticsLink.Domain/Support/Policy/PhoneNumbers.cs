using System.Text.RegularExpressions;
using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>
/// Where a text holds phone numbers, for <see cref="MessagingPolicy"/>, without taking for one what our own replies
/// print: order ids, every carrier's tracking numbers (plain or grouped), dates, times and prices.
/// </summary>
internal static partial class PhoneNumbers
{
    // International (+33 6 12 34 56 78, 0044 20…), national with a leading 0 (06 12 34 56 78, 030 1234567), North
    // American (800-555-0199, 1-800-555-0199, 555.123.4567, 555 123 4567, (555) 123-4567), Spanish, which has no
    // leading 0 (612 34 56 78, 912 345 678, 91 123 45 67, or unspaced 612345678), and Italian mobiles, which have none
    // either (347 1234567, or unspaced 3471234567); spaced, those two take only these groupings, so that no price or
    // run of amounts reads as one. A number does not start inside a word or a number, nor right after a digit and a
    // space: the groups of a tracking number printed in fours ("9400 1000 0000 0000 0000 00", "1Z 999 AA1 01 2345
    // 6784") are not phone numbers of their own. The text is read through AsciiForms, so the digits taken are ASCII
    // ([0-9]), every script's digits folded to them.
    [GeneratedRegex(@"(?<![\w+.\-/])(?<!\d[ \u00A0])(?:(?:\+|00)[0-9][0-9 \u00A0().\-/]{6,}[0-9]|0[0-9][0-9 \u00A0().\-/]{6,}[0-9]|(?:1[-. \u00A0]?)?(?:\([0-9]{3}\)[ \u00A0]?|[0-9]{3}[-. \u00A0])[0-9]{3}[-. \u00A0][0-9]{4}|[6-9][0-9]{2}(?:[ \u00A0][0-9]{2}){3}|[6-9][0-9]{2}(?:[ \u00A0][0-9]{3}){2}|[89][0-9][ \u00A0][0-9]{3}(?:[ \u00A0][0-9]{2}){2}|3[0-9]{2}[ \u00A0][0-9]{6,7}|(?<run>[6-9][0-9]{8}|3[0-9]{9}))(?![\w-]|[.,/]\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    // Numeric dates (27.11.2026, 11/27/2026, 27-11-26, 2026-11-27), blanked before looking for phone numbers so that
    // a date and the hour after it ("05.11.2026 10 Uhr") do not read as one number; a dotted phone number
    // ("06.12.34.56.78") goes on after its third group, so it is not a date.
    [GeneratedRegex(@"(?<![\d./\-])(?:[0-9]{1,2}([./\-])[0-9]{1,2}\1(?:[0-9]{4}|[0-9]{2})|[0-9]{4}([./\-])[0-9]{1,2}\2[0-9]{1,2})(?![./\-]?\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    /// <summary>Each phone number's start and length, in order.</summary>
    /// <param name="isAllowed">Whether a match is a value the reply may carry (the order id, a tracking number).</param>
    public static IEnumerable<(int Start, int Length)> Find(string text, Func<string, bool> isAllowed)
    {
        // "０３－１２３４－５６７８" and "٠٣-١٢٣٤-٥٦٧٨" are phone numbers as much as "03-1234-5678"; folding keeps every position.
        var blanked = NumericDate().Replace(AsciiForms.Fold(text), m => new string('x', m.Length));
        foreach (Match m in Phone().Matches(blanked))
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            if (digits is >= 8 and <= 15 && !IsParcelNumber(m.Value, digits) && !(m.Groups["run"].Success && IsWaybill(m.Value))
                && !isAllowed(m.Value))
            {
                yield return (m.Index, m.Length);
            }
        }
    }

    // A DHL Express waybill is ten digits whatever the first, so one in seven unspaced Italian mobiles verifies as one;
    // a waybill our replies print must pass, and a composed reply also names the number as allowed.
    public static bool IsWaybill(string run) => CarrierDetector.Detect(run).Candidates.Any(c => c.ChecksumValid);

    // No national number with a leading 0 runs to 14 digits, while DPD's parcel numbers (14) and FedEx Ground's (15)
    // often start with a 0; a number dialled from abroad ("0044…", "+44…") may be that long.
    private static bool IsParcelNumber(string value, int digits) =>
        digits >= 14 && value[0] == '0' && value.Length > 1 && value[1] != '0';
}
