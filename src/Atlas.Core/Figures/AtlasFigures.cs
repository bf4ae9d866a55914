namespace Atlas.Core.Figures;

/// <summary>The atlas's key figures for the home page.</summary>
/// <param name="Themes">Top-level themes that have projects, in tree order.</param>
public sealed record AtlasFigures(
    int Projects, int Partnerships, int FrenchAuthorities, int ForeignAuthorities, int Countries, IReadOnlyList<CountryCount> ByCountry,
    IReadOnlyList<ThemeFigure> Themes);
