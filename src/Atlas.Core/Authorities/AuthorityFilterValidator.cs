namespace Atlas.Core.Authorities;

/// <summary>Checks an authority filter against the reference data; French messages, English error codes.</summary>
public sealed class AuthorityFilterValidator : AbstractValidator<AuthorityFilter>
{
    public AuthorityFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Query).SearchText();
        RuleFor(f => f.Country).KnownCountry(reference);
        RuleFor(f => f.Region).KnownRegion(reference);
        RuleFor(f => f.Department).KnownDepartment(reference);
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => ReferenceRules.English(errorCode);
}
