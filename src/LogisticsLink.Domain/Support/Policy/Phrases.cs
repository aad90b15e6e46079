namespace LogisticsLink.Domain.Support.Policy;

/// <summary>Where listed phrases occur in a text: case-insensitive, whole words only (so "sale" is not in "Salerno").</summary>
internal static class Phrases
{
    /// <summary>Every occurrence of every phrase of every language, in no particular order.</summary>
    public static List<(int Start, int Length, string Language)> Find(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        // The typographic apostrophe is read as the plain one the lists use ("bon d’achat"); the length is the same.
        text = text.Replace('’', '\'');
        var hits = new List<(int Start, int Length, string Language)>();
        foreach (var (language, phrases) in lists)
        {
            foreach (var phrase in phrases)
            {
                for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0;
                     at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    // A phrase that starts with a sign ("% off") follows a number: only its end must be a word's.
                    if ((!char.IsLetterOrDigit(phrase[0]) || IsWordBoundary(text, at - 1)) && IsWordBoundary(text, at + phrase.Length))
                    {
                        hits.Add((at, phrase.Length, language));
                    }
                }
            }
        }
        return hits;
    }

    private static bool IsWordBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
