namespace Atlas.Core.Authorities;

/// <summary>
/// A name search of the lists of authorities, partnerships and organisations: every word of the query must occur
/// somewhere in the name, ignoring case and accents (fes finds "Commune urbaine de Fès"). The patterns are compared
/// with ILIKE to atlas_unaccent(name) after being unaccented themselves.
/// </summary>
public static class NameTerms
{
    public static IReadOnlyList<string> Patterns(string? query) => string.IsNullOrWhiteSpace(query)
        ? []
        : query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(word => "%" + Escape(word) + "%")
            .ToList();

    // LIKE's escape character is the backslash: a % or _ typed by a client is a character, not a wildcard.
    private static string Escape(string word) =>
        word.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
