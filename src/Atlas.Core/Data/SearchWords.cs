namespace Atlas.Core.Data;

/// <summary>
/// The words of a search, and what each must match: a whole word or the start of a word, accents and case aside
/// ("Opole" finds "Voïvodie d'Opole", never "Nantes Métropole"; "Marrak" finds Marrakech). A word is a run of letters and
/// digits, as PostgreSQL's text-search parser and its regular expressions (\m, the start of a word) cut them; everything
/// else separates words. The same words make the full-text query of projects and the name patterns of the lists.
/// </summary>
public static class SearchWords
{
    /// <summary>More words than a search needs; past them the query would only grow the index scan.</summary>
    public const int MaxWords = 12;

    /// <summary>One word of the typed text, with where it stands in it (to rewrite it in place).</summary>
    public sealed record Word(string Text, int Start);

    /// <summary>
    /// The text without what ICU refuses to normalise (it throws): noncharacters such as U+FFFE (the fuzz test sent
    /// <c>q=%EF%BF%BE</c>) become spaces, and unpaired surrogates U+FFFD, as reading the text rune by rune gives them.
    /// Neither is a letter, so both separate words.
    /// </summary>
    private static string Storable(string typed)
    {
        if (!typed.EnumerateRunes().Any(r => IsNonCharacter(r) || r == Rune.ReplacementChar)) return typed;
        var clean = new StringBuilder(typed.Length);
        foreach (var rune in typed.EnumerateRunes()) clean.Append(IsNonCharacter(rune) ? " " : rune.ToString());
        return clean.ToString();
    }

    private static bool IsNonCharacter(Rune rune) => (rune.Value & 0xFFFE) == 0xFFFE || rune.Value is >= 0xFDD0 and <= 0xFDEF;

    /// <summary>The words of <paramref name="typed"/> in order, each once (case aside), at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<Word> Of(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return [];
        // Composed first: a decomposed "é" (e + combining accent) must stay one letter of one word.
        var text = Storable(typed).Normalize(NormalizationForm.FormC);
        var words = new List<Word>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var start = -1;
        for (var i = 0; i <= text.Length && words.Count < MaxWords; i++)
        {
            var inWord = i < text.Length && (IsWordLetter(text[i]) || (start >= 0 && IsMark(text[i])));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var word = text[start..i];
                if (seen.Add(word)) words.Add(new Word(word, start));
                start = -1;
            }
        }
        return words;
    }

    /// <summary>
    /// A letter or digit that stays one after unaccent: modifier letters (ʼ U+02BC, ˈ, ː...) and ŉ become quotes, colons
    /// or carets there, which would end the quoted word of <see cref="PrefixQuery"/> (a 500 before); in the documents they
    /// separate words once unaccented, so they separate them here too.
    /// </summary>
    private static bool IsWordLetter(char c) =>
        char.IsLetterOrDigit(c) && c != '\u0149' && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.ModifierLetter;

    /// <summary>
    /// A combining accent belongs to the word it follows; alone it is no word, since unaccent removes it and the
    /// to_tsquery text would hold an empty '' (a 500 before: the fuzz test sent q=%26%CD%94, "&amp;" and U+0354).
    /// </summary>
    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>
    /// A to_tsquery text that asks for every word as a prefix ('marrak':* &amp; 'fes':*); a single letter asks for itself
    /// only, or it would be the start of a large part of the vocabulary. French stop words are dropped by the text-search
    /// configuration (atlas_words) on both sides. Null when there is no word.
    /// </summary>
    public static string? PrefixQuery(IReadOnlyList<Word> words) => words.Count == 0
        ? null
        : string.Join(" & ", words.Select(w => "'" + w.Text.Replace("'", "''", StringComparison.Ordinal) + "'" + (w.Text.Length > 1 ? ":*" : "")));

    /// <summary>
    /// PostgreSQL regular expressions, one a word, matching a word that starts with it (\m is the start of a word), for
    /// ~* against unaccented names. The words hold letters and digits only, so nothing in them is a regular-expression
    /// operator.
    /// </summary>
    public static IReadOnlyList<string> WordStartPatterns(string? typed) => Of(typed).Select(w => @"\m" + w.Text).ToList();
}
