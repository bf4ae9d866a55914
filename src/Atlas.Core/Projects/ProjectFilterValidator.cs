using Atlas.Core.Reference;
using FluentValidation;

namespace Atlas.Core.Projects;

/// <summary>Checks a filter against the reference data; its messages are French, its error codes say the same in English.</summary>
public sealed class ProjectFilterValidator : AbstractValidator<ProjectFilter>
{
    public const int MaxQueryLength = 200;
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public ProjectFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Query).MaximumLength(MaxQueryLength)
            .WithErrorCode("query_too_long").WithMessage($"La recherche ne peut dépasser {MaxQueryLength} caractères.");
        RuleFor(f => f.Country).Must(c => c is null || reference.Countries.ContainsKey(c))
            .WithErrorCode("unknown_country").WithMessage("Ce pays n'existe pas : indiquez un code ISO 3166-1 à deux lettres, par exemple MA.");
        RuleFor(f => f.Region).Must(r => r is null || reference.Regions.ContainsKey(r))
            .WithErrorCode("unknown_region").WithMessage("Cette région n'existe pas : indiquez son code INSEE, par exemple 93.");
        RuleFor(f => f.Department).Must(d => d is null || reference.Departments.ContainsKey(d))
            .WithErrorCode("unknown_department").WithMessage("Ce département n'existe pas : indiquez son code INSEE, par exemple 13 ou 2A.");
        RuleFor(f => f.Theme).Must(t => t is null || reference.ThemesByKey.ContainsKey(t))
            .WithErrorCode("unknown_theme").WithMessage("Cette thématique n'existe pas.");
        RuleFor(f => f.Authority).GreaterThan(0)
            .WithErrorCode("invalid_authority").WithMessage("Cette collectivité n'existe pas.");
        RuleFor(f => f.YearFrom).InclusiveBetween(MinYear, MaxYear)
            .WithErrorCode("year_out_of_range").WithMessage($"L'année doit être comprise entre {MinYear} et {MaxYear}.");
        RuleFor(f => f.YearTo).InclusiveBetween(MinYear, MaxYear)
            .WithErrorCode("year_out_of_range").WithMessage($"L'année doit être comprise entre {MinYear} et {MaxYear}.");
        RuleFor(f => f.YearTo).GreaterThanOrEqualTo(f => f.YearFrom!.Value).When(f => f.YearFrom is not null && f.YearTo is not null)
            .WithErrorCode("year_range_reversed").WithMessage("L'année de fin doit être postérieure ou égale à l'année de début.");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => errorCode switch
    {
        "query_too_long" => $"The query must not exceed {MaxQueryLength} characters.",
        "unknown_country" => "Unknown country: give an ISO 3166-1 alpha-2 code, e.g. MA.",
        "unknown_region" => "Unknown region: give its INSEE code, e.g. 93.",
        "unknown_department" => "Unknown département: give its INSEE code, e.g. 13 or 2A.",
        "unknown_theme" => "Unknown theme key.",
        "invalid_authority" => "Unknown authority id.",
        "year_out_of_range" => $"The year must be between {MinYear} and {MaxYear}.",
        "year_range_reversed" => "yearTo must be greater than or equal to yearFrom.",
        _ => errorCode,
    };
}
