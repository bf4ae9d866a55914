namespace Atlas.Core.DiplomaticPosts;

/// <summary>Checks a post filter against the reference data; its messages are French, its error codes say the same in English.</summary>
public sealed class DiplomaticPostFilterValidator : AbstractValidator<DiplomaticPostFilter>
{
    public DiplomaticPostFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Country).KnownCountry(reference);
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => ReferenceRules.English(errorCode);
}
