namespace Atlas.Core.Data;

/// <summary>
/// Alphabetical order is French order (Cléon before Clichy, Nîmes before Nord-Pas de Calais, Saint-Étienne before
/// Saint-Germain-en-Laye), in SQL and in memory alike: the ICU collation of the name columns (migration 0017), and the same
/// ICU rules through .NET's fr-FR culture for lists sorted in memory. Case is not ignored, as the collation does not
/// ignore it (a name differing only in case sorts lower case first), so that both sides put the same names in the same order.
/// </summary>
public static class FrenchOrder
{
    /// <summary>The PostgreSQL collation of names and titles.</summary>
    public const string Collation = "fr-x-icu";

    /// <summary>The same order for names sorted in memory.</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.None);

    /// <summary>A name or title of at most <paramref name="maxLength"/> characters, sorted the French way.</summary>
    public static PropertyBuilder<string> HasFrenchName<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, string>> name, int maxLength)
        where T : class =>
        builder.Property(name).HasMaxLength(maxLength).UseCollation(Collation);

    /// <summary>
    /// A record listed in name order: its name sorted the French way, and the (name, id) index a directory walks page by page
    /// instead of sorting every row (the id breaks ties between equal names, as the keyset cursors do).
    /// </summary>
    public static void IsListedByName<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, string>> name, int maxLength) where T : AtlasRecord
    {
        var property = builder.HasFrenchName(name, maxLength).Metadata.Name;
        builder.HasIndex(property, nameof(AtlasRecord.Id));
    }
}
