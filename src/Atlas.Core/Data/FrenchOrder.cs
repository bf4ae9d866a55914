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
}
