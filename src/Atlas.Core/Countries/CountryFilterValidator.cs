namespace Atlas.Core.Countries;

/// <summary>Checks a country filter; its messages are French, its error codes say the same in English.</summary>
public sealed class CountryFilterValidator : AbstractValidator<CountryFilter>
{
    public const int MaxQueryLength = 100;

    public CountryFilterValidator()
    {
        RuleFor(f => f.Query).SearchText(MaxQueryLength);
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => ReferenceRules.English(errorCode, MaxQueryLength);
}
