namespace Atlas.Core.Authorities;

/// <summary>Checks an authority filter against the reference data; French messages, English error codes.</summary>
public sealed class AuthorityFilterValidator : AbstractValidator<AuthorityFilter>
{
    public AuthorityFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        Include(new PlaceFilterValidator(reference));
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => ReferenceRules.English(errorCode);
}
