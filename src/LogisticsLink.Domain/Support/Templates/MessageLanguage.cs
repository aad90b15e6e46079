namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// The language a buyer's message is plainly written in, among the five we write replies in, from the common short
/// words every sentence needs (articles, pronouns, prepositions, greetings). Only words that belong to one of the five
/// count ("de", "la", "que", "non", "il" are in several and say nothing). Unsure is null: too few such words, or a
/// second language nearly as present (a quoted reply, a signature), and the caller keeps its own default. Pure.
/// </summary>
public static class MessageLanguage
{
    /// <summary>Fewer words of a language than this is a greeting or a name, not a message written in it.</summary>
    public const int MinimumWords = 3;

    private static readonly Dictionary<string, string[]> FunctionWords = new(StringComparer.Ordinal)
    {
        ["en"] = ["the", "and", "is", "are", "my", "your", "of", "to", "have", "has", "not", "yet", "where", "when", "what",
            "this", "that", "with", "for", "you", "it", "hello", "hi", "thanks", "thank", "please", "received", "still",
            "parcel", "package", "order", "can", "could", "would", "did", "does", "haven't", "hasn't", "didn't", "i'm"],
        ["fr"] = ["des", "est", "et", "je", "mon", "votre", "vos", "nous", "vous", "pas", "pour", "avec", "sur",
            "une", "où", "bonjour", "merci", "toujours", "reçu", "colis", "commande", "cette", "été", "suis", "quand", "j'ai", "n'ai",
            "c'est", "n'est",
            "encore", "aujourd'hui", "pouvez", "était", "ça", "au", "aux"],
        ["de"] = ["der", "die", "das", "und", "ist", "ich", "nicht", "mein", "meine", "meinen", "ein", "eine", "einen", "mit",
            "auf", "noch", "wo", "wann", "habe", "hat", "bitte", "zu", "den", "dem", "im", "vom", "zum", "bei", "paket",
            "hallo", "danke", "dank", "bestellung", "sie", "wurde", "bekommen", "erhalten", "kein", "keine"],
        ["es"] = ["el", "los", "las", "y", "mis", "sus", "está", "están", "pero", "por", "para", "todavía", "aún", "hola",
            "gracias", "dónde", "cuándo", "recibido", "pedido", "paquete", "muy", "mí", "llegado", "estoy", "ya", "puede",
            "podría", "envío", "qué"],
        ["it"] = ["gli", "della", "dello", "degli", "delle", "nel", "nella", "sul", "sono", "è", "ho", "ancora", "mio", "mia",
            "miei", "ricevuto", "buongiorno", "grazie", "ciao", "dove", "quando", "perché", "pacco", "ordine", "di", "che",
            "trova", "arrivato", "spedizione", "potete", "può"],
    };

    private static readonly Dictionary<string, string> LanguageOfWord = Index();

    /// <summary>The language <paramref name="text"/> is plainly written in (en, fr, de, es, it), or null when unsure.</summary>
    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            if (LanguageOfWord.TryGetValue(word, out var language))
            {
                counts[language] = counts.GetValueOrDefault(language) + 1;
            }
        }
        var ranked = counts.OrderByDescending(c => c.Value).ToList();
        if (ranked.Count == 0 || ranked[0].Value < MinimumWords)
        {
            return null;
        }
        // Plainly one language: at least twice the words of any other.
        var runnerUp = ranked.Count > 1 ? ranked[1].Value : 0;
        return ranked[0].Value >= 2 * runnerUp && ranked[0].Value > runnerUp ? ranked[0].Key : null;
    }

    /// <summary>
    /// The message's words in lower case: letters, with an apostrophe inside a word kept ("aujourd'hui", "haven't")
    /// and an elided article split off ("l'ordine" → "ordine", "n'ai" → "ai").
    /// </summary>
    private static IEnumerable<string> Words(string text)
    {
        var normalized = text.Replace('\u2019', '\'').ToLowerInvariant();
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var inWord = i < normalized.Length && (char.IsLetter(normalized[i])
                || (normalized[i] == '\'' && start >= 0 && i + 1 < normalized.Length && char.IsLetter(normalized[i + 1])));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = normalized[start..i];
                yield return LanguageOfWord.ContainsKey(word) ? word : Unelided(word);
                start = -1;
            }
        }
    }

    // French and Italian elide a short word before a vowel: "l'", "d'", "n'", "j'", "qu'", "c'", "s'", "un'", "dell'".
    private static string Unelided(string word)
    {
        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        return apostrophe > 0 && apostrophe <= 4 ? word[(apostrophe + 1)..] : word;
    }

    private static Dictionary<string, string> Index()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, words) in FunctionWords)
        {
            foreach (var word in words)
            {
                index.Add(word, language);
            }
        }
        return index;
    }
}
