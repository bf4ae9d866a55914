using Atlas.Core.Reference;
using FluentValidation;

namespace Atlas.Core.Fundings;

/// <summary>Checks a funding filter against the reference data; its messages are French, its error codes say the same in English.</summary>
public sealed class FundingFilterValidator : AbstractValidator<FundingFilter>
{
    public const int MaxFunderLength = 200;
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public FundingFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Funder).MaximumLength(MaxFunderLength)
            .WithErrorCode("funder_too_long").WithMessage($"Le nom du financeur ne peut dépasser {MaxFunderLength} caractères.");
        RuleFor(f => f.FunderAuthority).GreaterThan(0)
            .WithErrorCode("invalid_authority").WithMessage("Cette collectivité n'existe pas.");
        RuleFor(f => f.FunderOrganisation).GreaterThan(0)
            .WithErrorCode("invalid_organisation").WithMessage("Cette organisation n'existe pas.");
        RuleFor(f => f.Country).Must(c => c is null || reference.Countries.ContainsKey(c))
            .WithErrorCode("unknown_country").WithMessage("Ce pays n'existe pas : indiquez un code ISO 3166-1 à deux lettres, par exemple MA.");
        RuleFor(f => f.Year).InclusiveBetween(MinYear, MaxYear)
            .WithErrorCode("year_out_of_range").WithMessage($"L'année doit être comprise entre {MinYear} et {MaxYear}.");
        RuleFor(f => f.Currency).Must(c => c is null || reference.Currencies.ContainsKey(c))
            .WithErrorCode("unknown_currency").WithMessage("Cette monnaie n'existe pas : indiquez un code ISO 4217 à trois lettres, par exemple EUR ou MAD.");
        RuleFor(f => f.Project).GreaterThan(0)
            .WithErrorCode("invalid_project").WithMessage("Ce projet n'existe pas.");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => errorCode switch
    {
        "funder_too_long" => $"The funder's name must not exceed {MaxFunderLength} characters.",
        "invalid_authority" => "Unknown authority id.",
        "invalid_organisation" => "Unknown organisation id.",
        "unknown_country" => "Unknown country: give an ISO 3166-1 alpha-2 code, e.g. MA.",
        "year_out_of_range" => $"The year must be between {MinYear} and {MaxYear}.",
        "unknown_currency" => "Unknown currency: give an ISO 4217 code, e.g. EUR or MAD.",
        "invalid_project" => "Unknown project id.",
        _ => errorCode,
    };
}
