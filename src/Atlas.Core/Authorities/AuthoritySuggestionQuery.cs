using Atlas.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Authorities;

/// <summary>
/// Typo-tolerant name look-up: the authorities whose name holds a word resembling the typed text (pg_trgm word
/// similarity on the unaccented name, served by ix_local_authorities_name_trgm), best first.
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
                   word_similarity(atlas_unaccent({typed}), atlas_unaccent(name))::float8 AS similarity
            FROM local_authorities
            WHERE atlas_unaccent({typed}) <% atlas_unaccent(name)
            ORDER BY similarity DESC, length(name), id
            LIMIT {limit}
            """).ToListAsync(ct).ConfigureAwait(false);
    }
}
