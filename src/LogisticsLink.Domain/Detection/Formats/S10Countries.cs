using System.Collections.Frozen;

namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>Country suffixes of UPU S10 numbers and which connector serves each country's postal operator.</summary>
internal static class S10Countries
{
    // S10 ends with the ISO 3166-1 alpha-2 code of the issuing operator's country. Without this list any two
    // letters would do, and "RB123456785XX" would pass as S10 on its check digit alone.
    private static readonly FrozenSet<string> IsoAlpha2 =
        ("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS "
        + "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE "
        + "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
        + "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC "
        + "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA "
        + "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
        + "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO "
        + "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    // Only operators we have a connector for. Deutsche Post's S10 items are tracked through DHL's API.
    private static readonly FrozenDictionary<string, string> Operators = new Dictionary<string, string>
    {
        ["FR"] = Carriers.LaPoste,
        ["GB"] = Carriers.RoyalMail,
        ["US"] = Carriers.Usps,
        ["DE"] = Carriers.Dhl,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsCountry(string code) => IsoAlpha2.Contains(code);

    /// <summary>The carrier code for the operator of <paramref name="country"/>, or "upu" when we have no connector.</summary>
    public static string OperatorOf(string country) => Operators.GetValueOrDefault(country, Carriers.Upu);
}
