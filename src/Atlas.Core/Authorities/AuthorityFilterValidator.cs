using Atlas.Core.Projects;
using Atlas.Core.Reference;
using FluentValidation;

namespace Atlas.Core.Authorities;

/// <summary>Checks an authority filter against the reference data; French messages, English error codes.</summary>
public sealed class AuthorityFilterValidator : AbstractValidator<AuthorityFilter>
{
    public AuthorityFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Query).MaximumLength(ProjectFilterValidator.MaxQueryLength)
            .WithErrorCode("query_too_long").WithMessage($"La recherche ne peut dépasser {ProjectFilterValidator.MaxQueryLength} caractères.");
        RuleFor(f => f.Country).Must(c => c is null || reference.Countries.ContainsKey(c))
            .WithErrorCode("unknown_country").WithMessage("Ce pays n'existe pas : indiquez un code ISO 3166-1 à deux lettres, par exemple MA.");
        RuleFor(f => f.Region).Must(r => r is null || reference.Regions.ContainsKey(r))
            .WithErrorCode("unknown_region").WithMessage("Cette région n'existe pas : indiquez son code INSEE, par exemple 93.");
        RuleFor(f => f.Department).Must(d => d is null || reference.Departments.ContainsKey(d))
            .WithErrorCode("unknown_department").WithMessage("Ce département n'existe pas : indiquez son code INSEE, par exemple 13 ou 2A.");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => ProjectFilterValidator.English(errorCode);
}
