using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Support.Templates;

/// <summary>Dates and times written the way a buyer of each language reads them, in the buyer's time zone.</summary>
public static class LocalDates
{
    private static readonly Dictionary<string, string[]> Days = new(StringComparer.Ordinal)
    {
        ["en"] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ["fr"] = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        ["de"] = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        ["es"] = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
        ["it"] = ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"],
    };

    private static readonly Dictionary<string, string[]> Months = new(StringComparer.Ordinal)
    {
        ["en"] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["fr"] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["de"] = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["es"] = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["it"] = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    };

    /// <summary>
    /// "Tuesday 4 March 2025", "mardi 4 mars 2025", "Dienstag, 4. März 2025", "March 4, 2025" (en-US)… A promise of a
    /// date with no time (<see cref="DateOnlyPromise"/>) is that date in every zone.
    /// </summary>
    public static string Date(DateTimeOffset instant, ReplyLocale locale) =>
        Written(DateOnlyPromise.Is(instant) ? instant.DateTime : TimeZoneInfo.ConvertTime(instant, locale.TimeZone).DateTime, locale);

    private static string Written(System.DateTime local, ReplyLocale locale)
    {
        var day = Days[locale.Language][(int)local.DayOfWeek];
        var month = Months[locale.Language][local.Month - 1];
        return locale.Language switch
        {
            "en" when locale.Region is "US" or "CA" => $"{day}, {month} {local.Day}, {local.Year}",
            "en" => $"{day} {local.Day} {month} {local.Year}",
            "fr" => $"{day} {(local.Day == 1 ? "1er" : local.Day.ToString(System.Globalization.CultureInfo.InvariantCulture))} {month} {local.Year}",
            "de" => $"{day}, {local.Day}. {month} {local.Year}",
            "es" => $"{day}, {local.Day} de {month} de {local.Year}",
            _ => $"{day} {local.Day} {month} {local.Year}",
        };
    }

    /// <summary>The date and the local time: "… at 14:05", "… à 14:05", "… um 14:05", "… a las 14:05", "… alle 14:05", "… at 2:05 PM" (en-US).</summary>
    public static string DateTime(DateTimeOffset instant, ReplyLocale locale)
    {
        var local = TimeZoneInfo.ConvertTime(instant, locale.TimeZone);
        var time = locale.Language == "en" && locale.Region is "US" or "CA"
            ? $"{(local.Hour % 12 == 0 ? 12 : local.Hour % 12)}:{local.Minute:00} {(local.Hour < 12 ? "AM" : "PM")}"
            : $"{local.Hour:00}:{local.Minute:00}";
        var joiner = locale.Language switch { "fr" => "à", "de" => "um", "es" => local.Hour == 1 ? "a la" : "a las", "it" => local.Hour == 1 ? "all'" : "alle", _ => "at" };
        // An instant, even one at midnight UTC: its date is the one in the buyer's zone.
        var date = Written(local.DateTime, locale);
        return joiner.EndsWith('\'') ? $"{date} {joiner}{time}" : $"{date} {joiner} {time}";
    }
}
