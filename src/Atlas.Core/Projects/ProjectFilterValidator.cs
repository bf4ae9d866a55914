namespace Atlas.Core.Projects;

/// <summary>Checks a filter against the reference data; its messages are French, its error codes say the same in English.</summary>
public sealed class ProjectFilterValidator : AbstractValidator<ProjectFilter>
{
    public const int MaxQueryLength = ReferenceRules.MaxQueryLength;
    public const int MinYear = ReferenceRules.MinYear;
    public const int MaxYear = ReferenceRules.MaxYear;

    public ProjectFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        Include(new CooperationFilterValidator(reference));
        RuleFor(f => f.YearFrom).Year();
        RuleFor(f => f.YearTo).Year();
        RuleFor(f => f.YearTo).NotBefore(f => f.YearFrom, "year_range_reversed");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => errorCode switch
    {
        "year_range_reversed" => "yearTo must be greater than or equal to yearFrom.",
        _ => ReferenceRules.English(errorCode),
    };
}
