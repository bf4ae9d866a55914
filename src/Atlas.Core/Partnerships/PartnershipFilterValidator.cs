using Atlas.Core.Projects;
using Atlas.Core.Reference;
using FluentValidation;

namespace Atlas.Core.Partnerships;

/// <summary>Checks a partnership filter against the reference data; French messages, English error codes.</summary>
public sealed class PartnershipFilterValidator : AbstractValidator<PartnershipFilter>
{
    public PartnershipFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Query).MaximumLength(ProjectFilterValidator.MaxQueryLength)
            .WithErrorCode("query_too_long").WithMessage($"La recherche ne peut dépasser {ProjectFilterValidator.MaxQueryLength} caractères.");
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
        RuleFor(f => f.SignedFrom).InclusiveBetween(ProjectFilterValidator.MinYear, ProjectFilterValidator.MaxYear)
            .WithErrorCode("year_out_of_range").WithMessage($"L'année doit être comprise entre {ProjectFilterValidator.MinYear} et {ProjectFilterValidator.MaxYear}.");
        RuleFor(f => f.SignedTo).InclusiveBetween(ProjectFilterValidator.MinYear, ProjectFilterValidator.MaxYear)
            .WithErrorCode("year_out_of_range").WithMessage($"L'année doit être comprise entre {ProjectFilterValidator.MinYear} et {ProjectFilterValidator.MaxYear}.");
        RuleFor(f => f.SignedTo).GreaterThanOrEqualTo(f => f.SignedFrom!.Value).When(f => f.SignedFrom is not null && f.SignedTo is not null)
            .WithErrorCode("signed_range_reversed").WithMessage("L'année de fin doit être postérieure ou égale à l'année de début.");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => errorCode switch
    {
        "signed_range_reversed" => "signedTo must be greater than or equal to signedFrom.",
        _ => ProjectFilterValidator.English(errorCode),
    };
}
