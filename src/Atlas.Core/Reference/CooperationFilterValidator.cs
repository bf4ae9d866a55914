namespace Atlas.Core.Reference;

/// <summary>
/// The rules the project and the partnership filters share, checked against the reference data; each filter's validator
/// includes them first, then checks its own dates.
/// </summary>
public sealed class CooperationFilterValidator : AbstractValidator<CooperationFilter>
{
    public CooperationFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        Include(new PlaceFilterValidator(reference));
        RuleFor(f => f.Theme).KnownTheme(reference);
        RuleFor(f => f.Authority).ExistingAuthority();
    }
}
