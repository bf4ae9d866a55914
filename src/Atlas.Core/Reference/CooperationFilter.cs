namespace Atlas.Core.Reference;

/// <summary>
/// What the project and the partnership filters share, declared once: words and places (<see cref="PlaceFilter"/>), an
/// authority and a theme. Each list gives them its own meaning (a project's partner country; a partnership's foreign
/// authorities' country) and adds its own status and years. On its own, it carries the shared criteria as a query string gives them, before a list's filter takes
/// them over (<see cref="Onto{T}"/>: the API reads them once for both lists).
/// </summary>
public record CooperationFilter : PlaceFilter
{
    /// <summary><paramref name="filter"/> with these shared criteria instead of its own, its list's own criteria kept.</summary>
    public T Onto<T>(T filter) where T : CooperationFilter =>
        // A with-expression on the base type clones the derived record (the clone is virtual), so the list's criteria survive.
        (T)((CooperationFilter)filter with { Query = Query, Country = Country, Region = Region, Department = Department, Authority = Authority, Theme = Theme });

    /// <summary>Id of one of its authorities, French or foreign.</summary>
    public int? Authority { get; init; }
    /// <summary>Key of a theme at any level, sub-themes included: one of the record's own themes.</summary>
    public string? Theme { get; init; }
}
