namespace Atlas.Core.Editing;

/// <summary>
/// The rules the editing validators share: each says in French what is wrong, beside the field, under an error code that
/// <see cref="English"/> says again in English for the API (the codes of <see cref="ReferenceRules"/> are reused as they are).
/// </summary>
public static class EditingRules
{
    public const int MaxNarrativeLength = 20_000;

    private static readonly Dictionary<string, string> EnglishTexts = new(StringComparer.Ordinal)
    {
        ["title_required"] = "The title is required.",
        ["too_long"] = "The text is longer than this field allows.",
        ["end_before_start"] = "The end year must not be before the start year.",
        ["end_date_before_start_date"] = "The end date must not be before the start date.",
        ["date_not_in_year"] = "The date must fall in the year given.",
        ["status_required"] = "The status is required.",
        ["unknown_status"] = "Unknown status: give planned, ongoing or completed.",
        ["unknown_theme"] = "Unknown theme.",
        ["duplicate_theme"] = "A theme is chosen more than once.",
        ["unknown_partnership_status"] = "Unknown status: give active, ended, planned, suspended or unknown.",
        ["unknown_authority"] = "Unknown authority id.",
        ["duplicate_authority"] = "An authority is listed more than once.",
        ["french_authority_required"] = "A partnership has at least one French authority.",
        ["foreign_authority_required"] = "A partnership has at least one foreign authority.",
        ["scope_authority_removed"] = "The authorities must keep the partnership within the scope of the editor's account.",
        ["priority_out_of_range"] = "The priority must be between 1 and 99.",
        ["amount_required"] = "The amount is required.",
        ["amount_negative"] = "An amount must not be negative.",
        ["amount_precision"] = "An amount has at most 16 digits before the decimal point and 2 after.",
        ["currency_required"] = "The currency is required.",
        ["total_cost_incomplete"] = "A total cost needs both an amount and a currency.",
        ["water_law_amount_exceeds_amount"] = "The part under the 1 % water law must not exceed the amount.",
        ["funder_required"] = "A funding line needs a funder: an authority or an organisation.",
        ["funder_ambiguous"] = "A funding line has one funder: an authority or an organisation, not both.",
        ["unknown_funder_authority"] = "Unknown funder authority.",
        ["unknown_funder_organisation"] = "Unknown funder organisation.",
        ["unknown_funding"] = "This funding line does not belong to the project.",
        ["duplicate_funding"] = "A funding line is listed more than once.",
        ["name_required"] = "The name is required.",
        ["kind_required"] = "The kind of authority is required.",
        ["unknown_kind"] = "Unknown kind of authority.",
        ["population_negative"] = "The population must not be negative.",
        ["population_year_out_of_range"] = "The population year must be between 1800 and 2100.",
        ["invalid_website"] = "The website must be an absolute http:// or https:// address.",
        ["invalid_insee_code"] = "The INSEE code has 5 characters: digits, or 2A/2B for Corsica, e.g. 57751.",
        ["invalid_siren"] = "The SIREN number has 9 digits.",
        ["insee_code_not_french"] = "Only French authorities have an INSEE code.",
        ["siren_not_french"] = "Only French authorities have a SIREN number.",
        ["participant_required"] = "A participant is an existing authority or organisation.",
        ["participant_ambiguous"] = "A participation concerns one authority or one organisation, not both.",
        ["unknown_participant_authority"] = "Unknown participant authority.",
        ["unknown_participant_organisation"] = "Unknown participant organisation.",
        ["role_required"] = "The participant's role is required.",
        ["unknown_role"] = "Unknown participant role.",
        ["unknown_participant"] = "This participation does not belong to the project.",
        ["duplicate_participant"] = "A participant is listed more than once in the same role.",
        ["volunteer_name_required"] = "A volunteer needs a last or first name.",
        ["unknown_volunteer"] = "This volunteer does not belong to the project.",
        ["duplicate_volunteer"] = "A volunteer is listed more than once.",
        ["partnership_required"] = "A new project belongs to a partnership.",
        ["country_required"] = "The country is required.",
        ["region_not_french"] = "Only a French authority has a French region.",
        ["department_not_french"] = "Only a French authority has a French département.",
        ["duplicate_authority"] = "An authority of this name already exists in this country: look it up rather than create it twice.",
        ["contact_name_required"] = "A contact needs at least a last name, a first name or a function.",
        ["invalid_email"] = "The e-mail address must look like name@example.org.",
        ["invalid_phone"] = "A phone number holds digits, spaces and + ( ) . - / only, with at least 4 digits.",
        ["unknown_contact_role"] = "Unknown contact role: give correspondent, cocac or other.",
        ["unknown_contact"] = "This contact does not belong to the record.",
        ["duplicate_contact"] = "A contact is listed more than once.",
        ["too_many_contacts"] = "A record has at most 50 contacts.",
        ["post_name_required"] = "The name of the diplomatic post is required.",
        ["countries_required"] = "A diplomatic post covers at least one country.",
        ["duplicate_country"] = "A country is listed more than once.",
        ["country_taken"] = "This country is already covered by another diplomatic post.",
        ["countries_administrator_only"] = "Only an administrator may change the countries a post covers: they define its correspondents' scope.",
    };

    /// <summary>The English text of an error code, for the API; an unknown code is returned as it is.</summary>
    public static string English(string errorCode) =>
        EnglishTexts.TryGetValue(errorCode, out var text) ? text : ReferenceRules.English(errorCode);

    public static IEnumerable<string> Codes => EnglishTexts.Keys;

    /// <summary>What was typed, without the spaces around it; nothing for a blank field.</summary>
    /// <summary>The text as a LIKE pattern matches it literally: its \, % and _ escaped with a backslash.</summary>
    public static string LikeEscaped(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).WithErrorCode("too_long").WithMessage($"Ce texte ne peut dépasser {maxLength} caractères.");

    public static IRuleBuilderOptions<T, decimal?> Money<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.GreaterThanOrEqualTo(0).WithErrorCode("amount_negative").WithMessage("Un montant ne peut être négatif.")
            .PrecisionScale(18, 2, ignoreTrailingZeros: true).WithErrorCode("amount_precision")
            .WithMessage("Un montant a au plus 16 chiffres avant la virgule et 2 après.");

    /// <summary>A date, when given, falls in the year, when given.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> InYear<T>(this IRuleBuilder<T, DateOnly?> rule, Func<T, int?> year) =>
        rule.Must((values, date) => date is null || year(values) is not { } y || date.Value.Year == y)
            .WithErrorCode("date_not_in_year").WithMessage("La date doit tomber dans l'année indiquée.");
}
