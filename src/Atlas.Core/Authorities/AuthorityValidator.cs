using Atlas.Core.Contacts;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using FluentValidation;

namespace Atlas.Core.Authorities;

/// <summary>Checks a local authority's submitted fields and contacts; the INSEE code and the SIREN number are French authorities' only.</summary>
public sealed partial class AuthorityValidator : AbstractValidator<AuthorityValues>
{
    public const int MaxNameLength = 300;
    public const int MaxLeaderLength = 300;
    public const int MaxWebsiteLength = 500;
    public const int MinPopulationYear = 1800;
    public const int MaxPopulationYear = 2100;

    public AuthorityValidator(bool isFrench)
    {
        RuleFor(a => a.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode("name_required").WithMessage("Indiquez le nom de la collectivité.")
            .Text(MaxNameLength);
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

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9][0-9AB][0-9]{3}$")]
    private static partial System.Text.RegularExpressions.Regex InseeCode();

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{9}$")]
    private static partial System.Text.RegularExpressions.Regex Siren();
}
