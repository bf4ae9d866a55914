namespace Atlas.Core.Organisations;

/// <summary>Checks an organisation filter against the reference data; French messages, English error codes.</summary>
public sealed class OrganisationFilterValidator : AbstractValidator<OrganisationFilter>
{
    public OrganisationFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Query).SearchText();
        RuleFor(f => f.Country).KnownCountry(reference);
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => ReferenceRules.English(errorCode);
}
