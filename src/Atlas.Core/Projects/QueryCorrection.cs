namespace Atlas.Core.Projects;

/// <summary>
/// « Vouliez-vous dire Marrakech ? »: for a search that found nothing, the typed text with each misspelt word replaced by
/// the nearest word of an authority's names (the trigram look-up of the authority suggestions, ix_local_authorities_names_trgm),
/// a country, a French region or a département. A word that is already such a word, or has no near one, stays as typed.
/// </summary>
public sealed class QueryCorrection(AtlasDbContext db)
{
    /// <summary>
    /// How alike (pg_trgm similarity, 0 to 1) a word of a name must be to replace a typed word. Measured: "Marakech" and
    /// "Marrakech" 0.73, "Rabbat" and "Rabat" 0.63, "Casablanka" 0.57, "Agadr" and "Agadir" 0.44, "Jedida" and "Jadida" 0.40;
    /// "maroc" and "Marrakech" 0.23. The page offers a correction only when it finds projects, which keeps looser ones harmless.
    /// </summary>
    public const double MinSimilarity = 0.4;

    /// <summary>Words shorter than this are left alone: their trigrams say too little.</summary>
    public const int MinWordLength = 3;

    private sealed record Candidate(long N, string Word, double Score);

    /// <summary>The corrected text, or null when no word changes.</summary>
    public async Task<string?> CorrectAsync(string typed, CancellationToken ct = default)
    {
        var words = SearchWords.Of(typed).Where(w => w.Text.Length >= MinWordLength).ToList();
        if (words.Count == 0) return null;
        var texts = words.Select(w => w.Text).ToArray();
        var candidates = await db.Database.SqlQuery<Candidate>($"""
            WITH typed AS (
                SELECT w.n, lower(atlas_unaccent(w.word)) AS plain FROM unnest({texts}::text[]) WITH ORDINALITY AS w(word, n)
            ),
            names AS (
                SELECT t.n, t.plain, found.names
                FROM typed t
                CROSS JOIN LATERAL (
                    (SELECT a.name || ' ' || array_to_string(a.alternate_names, ' ') AS names
                     FROM local_authorities a
                     WHERE t.plain <% atlas_authority_names(a.name, a.alternate_names) AND a.deleted_at IS NULL
                     ORDER BY word_similarity(t.plain, atlas_authority_names(a.name, a.alternate_names)) DESC, a.id
                     LIMIT 10)
                    UNION ALL SELECT c.name FROM countries c WHERE t.plain <% atlas_unaccent(c.name)
                    UNION ALL SELECT r.name FROM regions r WHERE t.plain <% atlas_unaccent(r.name)
                    UNION ALL SELECT d.name FROM departments d WHERE t.plain <% atlas_unaccent(d.name)
                ) found
            ),
            words AS (
                SELECT names.n, w.word, similarity(names.plain, lower(atlas_unaccent(w.word)))::float8 AS score
                FROM names CROSS JOIN LATERAL regexp_split_to_table(names.names, '[^[:alnum:]]+') AS w(word)
                WHERE length(w.word) >= {MinWordLength}
            )
            SELECT DISTINCT ON (n) n, word, score FROM words ORDER BY n, score DESC, length(word), word
            """).ToListAsync(ct).ConfigureAwait(false);

        var corrected = typed;
        var changed = false;
        // From the last word to the first, so that the positions of the earlier ones still hold.
        foreach (var (word, index) in words.Select((w, i) => (w, i + 1L)).Reverse())
        {
            if (candidates.FirstOrDefault(c => c.N == index) is not { } best || best.Score < MinSimilarity) continue;
            if (string.Equals(Plain(best.Word), Plain(word.Text), StringComparison.Ordinal)) continue;
            corrected = string.Concat(corrected.AsSpan(0, word.Start), best.Word, corrected.AsSpan(word.Start + word.Text.Length));
            changed = true;
        }
        return changed ? corrected : null;
    }

    private static string Plain(string word) => new string(word.Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
        .ToArray()).ToLowerInvariant();
}
