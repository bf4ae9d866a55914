namespace Atlas.Core.DiplomaticPosts;

/// <summary>
/// Checks a diplomatic post's submitted fields: a name, a city that fits, countries that exist, each followed by no other post
/// (<paramref name="coveredElsewhere"/>: country code → the other post's name), changed by an administrator only; and its contacts.
/// </summary>
public sealed class DiplomaticPostValidator : AbstractValidator<DiplomaticPostValues>
{
    public const int MaxNameLength = 300;
    public const int MaxCityLength = 200;

    public DiplomaticPostValidator(ReferenceCatalog.Snapshot reference, IReadOnlyDictionary<string, string> coveredElsewhere,
        IReadOnlyCollection<string> currentCountries, bool mayChangeCountries)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(coveredElsewhere);
        ArgumentNullException.ThrowIfNull(currentCountries);
        RuleFor(p => p.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode("post_name_required").WithMessage("Indiquez le nom du poste diplomatique.")
            .Text(MaxNameLength);
        RuleFor(p => p.City).Text(MaxCityLength);

        When(p => p.Countries is not null, () =>
        {
            RuleFor(p => p.Countries).Cascade(CascadeMode.Stop)
                .Must(c => mayChangeCountries || SameCountries(c!, currentCountries)).WithErrorCode("countries_administrator_only")
                .WithMessage("Seul un administrateur peut changer les pays couverts par un poste : ils définissent le périmètre de ses correspondants.")
                .Must(c => c!.Count > 0).WithErrorCode("countries_required").WithMessage("Indiquez au moins un pays couvert par le poste.")
                .Must(c => c!.Distinct(StringComparer.OrdinalIgnoreCase).Count() == c!.Count).WithErrorCode("duplicate_country")
                .WithMessage("Un même pays figure deux fois.");
            // No cascade here: on a collection it would stop at the first wrong country. An unknown code is covered by no post.
            RuleForEach(p => p.Countries)
                .KnownCountry(reference)
                .Must(c => !coveredElsewhere.ContainsKey(c!)).WithErrorCode("country_taken")
                .WithMessage((_, c) => $"Ce pays est déjà couvert par un autre poste : {coveredElsewhere.GetValueOrDefault(c!)}.");
        });

        Include(new ContactLinesValidator());
    }

    private static bool SameCountries(IEnumerable<string> submitted, IReadOnlyCollection<string> current) =>
        submitted.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(current);
}
