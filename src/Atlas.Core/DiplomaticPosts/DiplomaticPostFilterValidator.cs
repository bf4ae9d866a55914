using Atlas.Core.Reference;
using FluentValidation;

namespace Atlas.Core.DiplomaticPosts;

/// <summary>Checks a post filter against the reference data; its messages are French, its error codes say the same in English.</summary>
public sealed class DiplomaticPostFilterValidator : AbstractValidator<DiplomaticPostFilter>
{
    public DiplomaticPostFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Country).Must(c => c is null || reference.Countries.ContainsKey(c))
            .WithErrorCode("unknown_country").WithMessage("Ce pays n'existe pas : indiquez un code ISO 3166-1 à deux lettres, par exemple MA.");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => errorCode switch
    {
        "unknown_country" => "Unknown country: give an ISO 3166-1 alpha-2 code, e.g. MA.",
        _ => errorCode,
    };
}
