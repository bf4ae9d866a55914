using FluentValidation;

namespace Atlas.Core.Countries;

/// <summary>Checks a country filter; its messages are French, its error codes say the same in English.</summary>
public sealed class CountryFilterValidator : AbstractValidator<CountryFilter>
{
    public const int MaxQueryLength = 100;

    public CountryFilterValidator()
    {
        RuleFor(f => f.Query).MaximumLength(MaxQueryLength)
            .WithErrorCode("query_too_long").WithMessage($"La recherche ne peut dépasser {MaxQueryLength} caractères.");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => errorCode switch
    {
        "query_too_long" => $"The query must not exceed {MaxQueryLength} characters.",
        _ => errorCode,
    };
}
