namespace Atlas.Core.Authorities;

/// <summary>
/// Typo-tolerant name look-up: the authorities whose name or other names hold a word resembling the typed text (pg_trgm
/// word similarity on the unaccented names, served by ix_local_authorities_names_trgm), best first. Deleted authorities are
/// not suggested.
/// </summary>
public sealed class AuthoritySuggestionQuery(AtlasDbContext db)
{
    public const int MaxLength = 100;
    public const int MaxLimit = 20;

    public async Task<IReadOnlyList<AuthoritySuggestion>> SuggestAsync(string typed, int limit, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typed);
        limit = Math.Clamp(limit, 1, MaxLimit);
        return await db.Database.SqlQuery<AuthoritySuggestion>($"""
            SELECT id, name, country_code::text AS country_code,
                   word_similarity(atlas_unaccent({typed}), atlas_authority_names(name, alternate_names))::float8 AS similarity
            FROM local_authorities
            WHERE atlas_unaccent({typed}) <% atlas_authority_names(name, alternate_names) AND deleted_at IS NULL
            ORDER BY similarity DESC, length(name), id
            LIMIT {limit}
            """).ToListAsync(ct).ConfigureAwait(false);
    }
}
