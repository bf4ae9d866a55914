namespace Atlas.Core.Authorities;

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
