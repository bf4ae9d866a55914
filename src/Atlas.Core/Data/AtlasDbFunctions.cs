namespace Atlas.Core.Data;

/// <summary>SQL functions of the schema that queries call (mapped in <see cref="AtlasDbContext"/>).</summary>
public static class AtlasDbFunctions
{
    /// <summary>atlas_unaccent(text): removes accents, immutable so that indexes and generated columns may use it.</summary>
    public static string Unaccent(string text) => throw new InvalidOperationException("Only for use in LINQ queries translated to SQL.");

    /// <summary>
    /// atlas_authority_names(name, alternate_names): an authority's name and other names in one unaccented text, what its
    /// name filters and suggestions read; immutable, and indexed by ix_local_authorities_names_trgm (migration 0017).
    /// </summary>
    public static string AuthorityNames(string name, string[] alternateNames) => throw new InvalidOperationException("Only for use in LINQ queries translated to SQL.");
}
