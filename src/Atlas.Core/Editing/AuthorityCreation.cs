using Atlas.Core.Accounts;
using Atlas.Core.Countries;
using Atlas.Core.Data;
using Atlas.Core.Domain;
using Atlas.Core.Reference;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Editing;

/// <summary>A new local authority as submitted: where it is, and its own fields.</summary>
public sealed class NewAuthority
{
    /// <summary>ISO 3166-1 alpha-2 code of its country.</summary>
    public string? CountryCode { get; set; }
    /// <summary>INSEE code of its French région (for a région, or when no département applies).</summary>
    public string? RegionCode { get; set; }
    /// <summary>INSEE code of its French département; its région follows.</summary>
    public string? DepartmentCode { get; set; }
    public AuthorityValues Values { get; set; } = new();
}

/// <summary>
/// Checks a new authority: a known country, a French région or département only for a French authority, its own fields by
/// <see cref="AuthorityValidator"/>, and no authority of the same name already in that country (accents and case aside).
/// </summary>
public sealed class NewAuthorityValidator : AbstractValidator<NewAuthority>
{
    public NewAuthorityValidator(ReferenceCatalog.Snapshot reference, bool nameTaken)
    {
        RuleFor(a => a.CountryCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("country_required").WithMessage("Indiquez le pays de la collectivité.")
            .KnownCountry(reference);
        RuleFor(a => a.RegionCode).KnownRegion(reference)
            .Must((a, region) => region is null || a.CountryCode == CountryCodes.France)
            .WithErrorCode("region_not_french").WithMessage("Seule une collectivité française a une région française.");
        RuleFor(a => a.DepartmentCode).KnownDepartment(reference)
            .Must((a, department) => department is null || a.CountryCode == CountryCodes.France)
            .WithErrorCode("department_not_french").WithMessage("Seule une collectivité française a un département français.");
        RuleFor(a => a.Values).SetValidator(a => new AuthorityValidator(a.CountryCode == CountryCodes.France));
        RuleFor(a => a.Values.Name)
            .Must(_ => !nameTaken).WithErrorCode("duplicate_authority")
            .WithMessage("Une collectivité de ce nom existe déjà dans ce pays : cherchez-la plutôt que de la créer une seconde fois.")
            .OverridePropertyName("Values.Name");
    }
}

/// <summary>
/// Creates local authorities: an administrator anywhere; a correspondent in a country of their post (never in France, whose
/// authorities no post covers). The record is published at once and its creation is in the history.
/// </summary>
public sealed class AuthorityCreation(AtlasDbContext db, ReferenceCatalog catalog, TimeProvider clock)
{
    public async Task<EditResult> CreateAsync(Editor editor, NewAuthority authority, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(authority);
        using var author = AmbientEditor.Use(editor);
        try
        {
            var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
            var country = authority.CountryCode?.Trim().ToUpperInvariant();
            authority.CountryCode = string.IsNullOrEmpty(country) ? null : country;
            if (country is not null && !await MayCreateInAsync(editor, country, ct).ConfigureAwait(false)) return new EditResult.Forbidden();

            var name = authority.Values.Name?.Trim() ?? "";
            var taken = name.Length > 0 && await db.LocalAuthorities.AnyAsync(a => a.CountryCode == country
                && AtlasDbFunctions.Unaccent(a.Name.ToLower()) == AtlasDbFunctions.Unaccent(name.ToLower()), ct).ConfigureAwait(false);
            var validation = await new NewAuthorityValidator(reference, taken).ValidateAsync(authority, ct).ConfigureAwait(false);
            if (!validation.IsValid) return EditResult.Invalid.Of(validation.Errors);

            var department = EditingRules.Trimmed(authority.DepartmentCode);
            var record = new LocalAuthority
            {
                Name = "",
                CountryCode = country!,
                DepartmentCode = department,
                RegionCode = EditingRules.Trimmed(authority.RegionCode) ?? (department is null ? null : reference.Departments[department].RegionCode),
                UpdatedAt = clock.GetUtcNow(),
            };
            AuthorityEditing.Apply(record, authority.Values);
            db.LocalAuthorities.Add(record);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            var version = await db.LocalAuthorities.Where(a => a.Id == record.Id).Select(a => a.Version).SingleAsync(ct).ConfigureAwait(false);
            return new EditResult.Created(record.Id, version);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<bool> MayCreateInAsync(Editor editor, string countryCode, CancellationToken ct = default) => editor.Role switch
    {
        EditorRole.Administrator => true,
        EditorRole.Correspondent when countryCode != CountryCodes.France => await db.DiplomaticPostCountries
            .AnyAsync(pc => pc.DiplomaticPostId == editor.DiplomaticPostId && pc.CountryCode == countryCode, ct).ConfigureAwait(false),
        _ => false,
    };

}
