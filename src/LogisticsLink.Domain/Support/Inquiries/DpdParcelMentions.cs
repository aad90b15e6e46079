using System.Text.RegularExpressions;
using LogisticsLink.Domain.Detection.Formats;
using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>
/// DPD's 14-digit parcel number written without spaces has no check character and no prefix of its own: DHL eCommerce
/// numbers, phone numbers dialled from abroad, order and account references run to 14 digits too, so alone it is no
/// number. It counts where the buyer names the carrier right before it ("DPD 01505678901234", "dpd: 0530…") or quotes
/// it in a link to DPD's tracking page; a run the phone check reads as a phone number ("DPD 0049…") still does not.
/// </summary>
internal static partial class DpdParcelMentions
{
    // The word, maybe a colon, then exactly 14 digits standing on their own (not the start of a longer number, a
    // decimal or a date).
    [GeneratedRegex(@"(?<![\p{L}\p{N}])DPD[ \u00A0]*:?[ \u00A0]*(?<number>[0-9]{14})(?![\p{L}\p{N}\-]|[.,/][0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterTheWord();

    /// <summary>Each number the word "DPD" names: its start and the 14 digits.</summary>
    public static IEnumerable<(int Start, string Number)> Named(string text)
    {
        var phones = PhoneNumbers.Find(text, _ => false).ToList();
        foreach (Match m in AfterTheWord().Matches(text))
        {
            var number = m.Groups["number"];
            if (!phones.Any(p => number.Index < p.Start + p.Length && p.Start < number.Index + number.Length))
            {
                yield return (number.Index, number.Value);
            }
        }
    }

    /// <summary>Whether a link's path segment or query value on <paramref name="host"/> is a DPD parcel number.</summary>
    public static bool IsParcelNumberOn(string host, string segment) =>
        segment.Length == 14 && Shape.IsDigits(segment) && host.ToLowerInvariant().Split('.').Any(label => label is "dpd" or "dpdgroup");
}
