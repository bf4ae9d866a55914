namespace Atlas.Core.Data;

/// <summary>SQL functions of the schema that queries call (mapped in <see cref="AtlasDbContext"/>).</summary>
public static class AtlasDbFunctions
{
    /// <summary>atlas_unaccent(text): removes accents, immutable so that indexes and generated columns may use it.</summary>
    public static string Unaccent(string text) => throw new InvalidOperationException("Only for use in LINQ queries translated to SQL.");
}
