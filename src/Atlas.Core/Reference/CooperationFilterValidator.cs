namespace Atlas.Core.Reference;

/// <summary>
/// The rules the project and the partnership filters share, checked against the reference data; each filter's validator
/// includes them first, then checks its own dates.
/// </summary>
public sealed class CooperationFilterValidator : AbstractValidator<CooperationFilter>
{
    public CooperationFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Query).SearchText();
        RuleFor(f => f.Country).KnownCountry(reference);
        RuleFor(f => f.Region).KnownRegion(reference);
        RuleFor(f => f.Department).KnownDepartment(reference);
        RuleFor(f => f.Theme).KnownTheme(reference);
        RuleFor(f => f.Authority).ExistingAuthority();
    }
}
