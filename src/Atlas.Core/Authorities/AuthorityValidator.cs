namespace Atlas.Core.Authorities;

/// <summary>
/// Checks a local authority's submitted fields and contacts; the INSEE code and the SIREN number are French authorities' only.
/// Its other names are each a name (not blank, at most as long as the name, on one line, without the « | » the CSV exports
/// join them with), none the name itself nor another of the list (accents, case and punctuation aside, as the search reads them).
/// </summary>
public sealed partial class AuthorityValidator : AbstractValidator<AuthorityValues>
{
    public const int MaxNameLength = 300;
    /// <summary>The most other names an authority keeps: the répertoire gives at most two, 20 leaves room for renamings.</summary>
    public const int MaxAlternateNames = 20;
    public const int MaxLeaderLength = 300;
    public const int MaxWebsiteLength = 500;
    public const int MinPopulationYear = 1800;
    public const int MaxPopulationYear = 2100;

    public AuthorityValidator(bool isFrench)
    {
        RuleFor(a => a.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode("name_required").WithMessage("Indiquez le nom de la collectivité.")
            .Text(MaxNameLength);
        RuleFor(a => a.AlternateNames)
            .Must(n => n is null || n.Count <= MaxAlternateNames).WithErrorCode("too_many_alternate_names")
            .WithMessage($"Indiquez au plus {MaxAlternateNames} autres noms.");
        // Each rule minds a blank name itself: a cascade that stops would stop at the first name in fault, not at each.
        RuleForEach(a => a.AlternateNames)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode("alternate_name_required").WithMessage("Un autre nom ne peut être vide.")
            .Text(MaxNameLength)
            .Must(n => n is null || !n.Any(char.IsControl)).WithErrorCode("alternate_name_control_character")
            .WithMessage("Un autre nom tient sur une ligne, sans caractère de contrôle (tabulation, saut de ligne…).")
            .Must(n => n is null || !n.Contains('|', StringComparison.Ordinal)).WithErrorCode("alternate_name_separator")
            .WithMessage("Un autre nom ne peut contenir de barre verticale « | » : elle sépare les noms dans les exports.")
            .Must((a, n) => string.IsNullOrWhiteSpace(n) || a.Name is null || Comparable(n) != Comparable(a.Name)).WithErrorCode("alternate_name_is_name")
            .WithMessage("« {PropertyValue} » est le nom de la collectivité : retirez-le des autres noms.")
            .Must((a, n) => string.IsNullOrWhiteSpace(n)
                || a.AlternateNames!.Count(o => !string.IsNullOrWhiteSpace(o) && Comparable(o) == Comparable(n)) == 1)
            .WithErrorCode("duplicate_alternate_name")
            .WithMessage("« {PropertyValue} » figure plusieurs fois parmi les autres noms.");
        RuleFor(a => a.Kind).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("kind_required").WithMessage("Indiquez le type de collectivité.")
            .Must(k => EnumCode<AuthorityKind>.TryParse(k, out _)).WithErrorCode("unknown_kind")
            .WithMessage("Ce type de collectivité n'existe pas.");
        RuleFor(a => a.Population)
            .GreaterThanOrEqualTo(0).WithErrorCode("population_negative").WithMessage("La population ne peut être négative.");
        RuleFor(a => a.PopulationYear)
            .InclusiveBetween(MinPopulationYear, MaxPopulationYear).WithErrorCode("population_year_out_of_range")
            .WithMessage($"L'année de la population est comprise entre {MinPopulationYear} et {MaxPopulationYear}.");
        RuleFor(a => a.LeaderName).Text(MaxLeaderLength);
        RuleFor(a => a.LeaderTitle).Text(MaxLeaderLength);
        RuleFor(a => a.Website).Cascade(CascadeMode.Stop)
            .Text(MaxWebsiteLength)
            .Must(w => string.IsNullOrWhiteSpace(w) || IsWebAddress(w.Trim())).WithErrorCode("invalid_website")
            .WithMessage("Indiquez une adresse complète commençant par http:// ou https://, par exemple https://www.exemple.fr.");

        Include(new ContactLinesValidator());

        if (isFrench)
        {
            RuleFor(a => a.InseeCode)
                .Must(c => string.IsNullOrWhiteSpace(c) || InseeCode().IsMatch(c.Trim())).WithErrorCode("invalid_insee_code")
                .WithMessage("Le code INSEE a 5 caractères : des chiffres, 2A ou 2B pour la Corse, par exemple 57751.");
            RuleFor(a => a.Siren)
                .Must(s => string.IsNullOrWhiteSpace(s) || Siren().IsMatch(s.Trim())).WithErrorCode("invalid_siren")
                .WithMessage("Le numéro SIREN a 9 chiffres, par exemple 215707518.");
        }
        else
        {
            RuleFor(a => a.InseeCode)
                .Must(string.IsNullOrWhiteSpace).WithErrorCode("insee_code_not_french")
                .WithMessage("Seules les collectivités françaises ont un code INSEE.");
            RuleFor(a => a.Siren)
                .Must(string.IsNullOrWhiteSpace).WithErrorCode("siren_not_french")
                .WithMessage("Seules les collectivités françaises ont un numéro SIREN.");
        }
    }

    /// <summary>The other names as saved: trimmed, in the order given.</summary>
    public static string[] AlternateNamesOf(AuthorityValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. (values.AlternateNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())];
    }

    /// <summary>
    /// A name as the search reads it, its words without accents or case: two names equal by it are one name to a reader
    /// ("Fès" and "FES", "Nord-Pas de Calais" and "Nord Pas-de-Calais").
    /// </summary>
    public static string Comparable(string name) =>
        string.Join(' ', SearchWords.Of(name).Select(w => RemoveAccents(w.Text).ToLowerInvariant()));

    private static string RemoveAccents(string text) => new(text.Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9][0-9AB][0-9]{3}$")]
    private static partial System.Text.RegularExpressions.Regex InseeCode();

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{9}$")]
    private static partial System.Text.RegularExpressions.Regex Siren();
}
