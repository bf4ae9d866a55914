namespace Atlas.Core.Authorities;

/// <summary>
/// A name search of the lists of authorities, partnerships and organisations: every word of the query must be a whole word
/// of the name or the start of one, ignoring case and accents (fes finds "Commune urbaine de Fès"; opole finds "Voïvodie
/// d'Opole" and not "Nantes Métropole", as the former ILIKE '%opole%' did). The patterns are regular expressions
/// compared with ~* to the unaccented name after being unaccented themselves; the trigram indexes of the names serve them.
/// </summary>
public static class NameTerms
{
    public static IReadOnlyList<string> Patterns(string? query) => SearchWords.WordStartPatterns(query);
}
