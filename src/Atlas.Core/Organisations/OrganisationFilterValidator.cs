using Atlas.Core.Projects;
using Atlas.Core.Reference;
using FluentValidation;

namespace Atlas.Core.Organisations;

/// <summary>Checks an organisation filter against the reference data; French messages, English error codes.</summary>
public sealed class OrganisationFilterValidator : AbstractValidator<OrganisationFilter>
{
    public OrganisationFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Query).MaximumLength(ProjectFilterValidator.MaxQueryLength)
            .WithErrorCode("query_too_long").WithMessage($"La recherche ne peut dépasser {ProjectFilterValidator.MaxQueryLength} caractères.");
        RuleFor(f => f.Country).Must(c => c is null || reference.Countries.ContainsKey(c))
            .WithErrorCode("unknown_country").WithMessage("Ce pays n'existe pas : indiquez un code ISO 3166-1 à deux lettres, par exemple MA.");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => ProjectFilterValidator.English(errorCode);
}
