namespace Atlas.Core.Reference;

/// <summary>
/// The rules the filters share, written once: each says in French what is wrong, under an error code that
/// <see cref="English"/> says again in English for the API.
/// </summary>
public static class ReferenceRules
{
    public const int MaxQueryLength = 200;
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public static IRuleBuilderOptions<T, string?> SearchText<T>(this IRuleBuilder<T, string?> rule, int maxLength = MaxQueryLength) =>
        rule.MaximumLength(maxLength)
            .WithErrorCode("query_too_long").WithMessage($"La recherche ne peut dépasser {maxLength} caractères.");

    public static IRuleBuilderOptions<T, string?> KnownCountry<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog.Snapshot reference) =>
        rule.Known(reference.Countries.ContainsKey, "unknown_country",
            "Ce pays n'existe pas : indiquez un code ISO 3166-1 à deux lettres, par exemple MA.");

    public static IRuleBuilderOptions<T, string?> KnownRegion<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog.Snapshot reference) =>
        rule.Known(reference.Regions.ContainsKey, "unknown_region",
            "Cette région n'existe pas : indiquez son code INSEE, par exemple 93.");

    public static IRuleBuilderOptions<T, string?> KnownDepartment<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog.Snapshot reference) =>
        rule.Known(reference.Departments.ContainsKey, "unknown_department",
            "Ce département n'existe pas : indiquez son code INSEE, par exemple 13 ou 2A.");

    public static IRuleBuilderOptions<T, string?> KnownTheme<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog.Snapshot reference) =>
        rule.Known(reference.ThemesByKey.ContainsKey, "unknown_theme", "Cette thématique n'existe pas.");

    public static IRuleBuilderOptions<T, string?> KnownCurrency<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog.Snapshot reference) =>
        rule.Known(reference.Currencies.ContainsKey, "unknown_currency",
            "Cette monnaie n'existe pas : indiquez un code ISO 4217 à trois lettres, par exemple EUR ou MAD.");

    public static IRuleBuilderOptions<T, int?> Year<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(MinYear, MaxYear)
            .WithErrorCode("year_out_of_range").WithMessage($"L'année doit être comprise entre {MinYear} et {MaxYear}.");

    /// <summary>The last year of a range: not before its first one, when both are given.</summary>
    public static IRuleBuilderOptions<T, int?> NotBefore<T>(this IRuleBuilder<T, int?> rule, Func<T, int?> firstYear, string errorCode) =>
        rule.Must((filter, last) => last is null || firstYear(filter) is not { } first || last >= first)
            .WithErrorCode(errorCode).WithMessage("L'année de fin doit être postérieure ou égale à l'année de début.");

    /// <summary>An id, which can only be positive; whether such a record exists is the search's business.</summary>
    public static IRuleBuilderOptions<T, int?> ExistingId<T>(this IRuleBuilder<T, int?> rule, string errorCode, string message) =>
        rule.GreaterThan(0).WithErrorCode(errorCode).WithMessage(message);

    public static IRuleBuilderOptions<T, int?> ExistingAuthority<T>(this IRuleBuilder<T, int?> rule) =>
        rule.ExistingId("invalid_authority", "Cette collectivité n'existe pas.");

    /// <summary>The English text of the shared error codes, for the API; any other code is returned as it is.</summary>
    public static string English(string errorCode, int maxQueryLength = MaxQueryLength) => errorCode switch
    {
        "query_too_long" => $"The query must not exceed {maxQueryLength} characters.",
        "unknown_country" => "Unknown country: give an ISO 3166-1 alpha-2 code, e.g. MA.",
        "unknown_region" => "Unknown region: give its INSEE code, e.g. 93.",
        "unknown_department" => "Unknown département: give its INSEE code, e.g. 13 or 2A.",
        "unknown_theme" => "Unknown theme key.",
        "unknown_currency" => "Unknown currency: give an ISO 4217 code, e.g. EUR or MAD.",
        "invalid_authority" => "Unknown authority id.",
        "year_out_of_range" => $"The year must be between {MinYear} and {MaxYear}.",
        _ => errorCode,
    };

    private static IRuleBuilderOptions<T, string?> Known<T>(this IRuleBuilder<T, string?> rule, Func<string, bool> exists, string errorCode, string message) =>
        rule.Must(code => code is null || exists(code)).WithErrorCode(errorCode).WithMessage(message);
}
