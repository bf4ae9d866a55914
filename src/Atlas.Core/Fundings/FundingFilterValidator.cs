namespace Atlas.Core.Fundings;

/// <summary>Checks a funding filter against the reference data; its messages are French, its error codes say the same in English.</summary>
public sealed class FundingFilterValidator : AbstractValidator<FundingFilter>
{
    public const int MaxFunderLength = 200;
    public const int MinYear = ReferenceRules.MinYear;
    public const int MaxYear = ReferenceRules.MaxYear;

    public FundingFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Funder).MaximumLength(MaxFunderLength)
            .WithErrorCode("funder_too_long").WithMessage($"Le nom du financeur ne peut dépasser {MaxFunderLength} caractères.");
        RuleFor(f => f.FunderAuthority).ExistingAuthority();
        RuleFor(f => f.FunderOrganisation).ExistingId("invalid_organisation", "Cette organisation n'existe pas.");
        RuleFor(f => f.Country).KnownCountry(reference);
        RuleFor(f => f.Year).Year();
        RuleFor(f => f.Currency).KnownCurrency(reference);
        RuleFor(f => f.Project).ExistingId("invalid_project", "Ce projet n'existe pas.");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => errorCode switch
    {
        "funder_too_long" => $"The funder's name must not exceed {MaxFunderLength} characters.",
        "invalid_organisation" => "Unknown organisation id.",
        "invalid_project" => "Unknown project id.",
        _ => ReferenceRules.English(errorCode),
    };
}
