namespace Atlas.Core.Geography;

/// <summary>Where the projects a filter matches take place, for the map: partner countries, and French regions and départements of the French authorities.</summary>
/// <param name="Projects">Projects the filter matches.</param>
/// <param name="Countries">Partner countries (France left out) with matching projects or with any partnership, most projects first.</param>
/// <param name="Regions">French regions of the French authorities taking part (an authority's own region or its département's).</param>
/// <param name="Departments">French départements of the authorities that have one (communes, départements); regions have none.</param>
/// <param name="Estimated">The project counts are estimated from the search's sample: the filter matches too many projects to count.</param>
public sealed record ProjectGeography(
    int Projects, IReadOnlyList<CountryPlace> Countries, IReadOnlyList<PlaceCount> Regions, IReadOnlyList<PlaceCount> Departments,
    bool Estimated = false);
