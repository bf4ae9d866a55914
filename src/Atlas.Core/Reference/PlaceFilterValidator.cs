namespace Atlas.Core.Reference;

/// <summary>The words and places of a <see cref="PlaceFilter"/>, checked against the reference data; each list's validator includes it first.</summary>
public sealed class PlaceFilterValidator : AbstractValidator<PlaceFilter>
{
    public PlaceFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        RuleFor(f => f.Query).SearchText();
        RuleFor(f => f.Country).KnownCountry(reference);
        RuleFor(f => f.Region).KnownRegion(reference);
        RuleFor(f => f.Department).KnownDepartment(reference);
    }
}
