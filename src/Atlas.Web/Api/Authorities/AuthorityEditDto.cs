namespace Atlas.Web.Api.Authorities;

/// <summary>
/// A local authority's editable record: what PUT replaces as a whole and PATCH merges into (RFC 7396). Field names are those the
/// validation errors use. Its country, region and département are not edited.
/// </summary>
/// <param name="Name">Name; required, at most 300 characters.</param>
/// <param name="AlternateNames">Other spellings and former or later names it is known by ("El Jedida" for "El Jadida"), searched with the name: at most 20, each at most 300 characters on one line, without "|", neither the name nor another of the list (accents, case and punctuation aside). Null or absent: none.</param>
/// <param name="Kind">Kind of authority: commune, departement, region, communaute-urbaine, communaute-agglomeration, metropole, commune-urbaine, commune-rurale, province, prefecture, conseil-regional, gouvernorat, union-municipalites, cercle, wilaya, land or other; required.</param>
/// <param name="Population">Population, never negative.</param>
/// <param name="PopulationYear">Year of the population figure, 1800 to 2100.</param>
/// <param name="LeaderName">Name of the leader (mayor, president…), at most 300 characters.</param>
/// <param name="LeaderTitle">Title of the leader, at most 300 characters.</param>
/// <param name="Website">Website, an absolute http:// or https:// address of at most 500 characters.</param>
/// <param name="InseeCode">INSEE code of a French authority: 5 characters, digits or 2A/2B for Corsica; none for a foreign one.</param>
/// <param name="Siren">SIREN number of a French authority: 9 digits; none for a foreign one.</param>
public sealed record AuthorityEditDto(
    string? Name, IReadOnlyList<string?>? AlternateNames, string? Kind, int? Population, int? PopulationYear, string? LeaderName, string? LeaderTitle, string? Website,
    string? InseeCode, string? Siren)
{
    public static AuthorityEditDto Of(AuthorityValues v) =>
        new(v.Name, v.AlternateNames, v.Kind, v.Population, v.PopulationYear, v.LeaderName, v.LeaderTitle, v.Website, v.InseeCode, v.Siren);

    public AuthorityValues ToValues() => new()
    {
        Name = Name, AlternateNames = AlternateNames is null ? null : [.. AlternateNames], Kind = Kind, Population = Population, PopulationYear = PopulationYear, LeaderName = LeaderName,
        LeaderTitle = LeaderTitle, Website = Website, InseeCode = InseeCode, Siren = Siren,
    };
}
