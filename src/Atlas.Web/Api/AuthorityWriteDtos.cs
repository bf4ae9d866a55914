using Atlas.Core.Authorities;

namespace Atlas.Web.Api;

/// <summary>
/// A local authority's editable record: what PUT replaces as a whole and PATCH merges into (RFC 7396). Field names are those the
/// validation errors use. Its country, region and département are not edited.
/// </summary>
/// <param name="Name">Name; required, at most 300 characters.</param>
/// <param name="Kind">Kind of authority: commune, departement, region, communaute-urbaine, communaute-agglomeration, metropole, commune-urbaine, commune-rurale, province, prefecture, conseil-regional, gouvernorat, union-municipalites, cercle, wilaya, land or other; required.</param>
/// <param name="Population">Population, never negative.</param>
/// <param name="PopulationYear">Year of the population figure, 1800 to 2100.</param>
/// <param name="LeaderName">Name of the leader (mayor, president…), at most 300 characters.</param>
/// <param name="LeaderTitle">Title of the leader, at most 300 characters.</param>
/// <param name="Website">Website, an absolute http:// or https:// address of at most 500 characters.</param>
/// <param name="InseeCode">INSEE code of a French authority: 5 characters, digits or 2A/2B for Corsica; none for a foreign one.</param>
/// <param name="Siren">SIREN number of a French authority: 9 digits; none for a foreign one.</param>
public sealed record AuthorityEditDto(
    string? Name, string? Kind, int? Population, int? PopulationYear, string? LeaderName, string? LeaderTitle, string? Website,
    string? InseeCode, string? Siren)
{
    public static AuthorityEditDto Of(AuthorityValues v) =>
        new(v.Name, v.Kind, v.Population, v.PopulationYear, v.LeaderName, v.LeaderTitle, v.Website, v.InseeCode, v.Siren);

    public AuthorityValues ToValues() => new()
    {
        Name = Name, Kind = Kind, Population = Population, PopulationYear = PopulationYear, LeaderName = LeaderName,
        LeaderTitle = LeaderTitle, Website = Website, InseeCode = InseeCode, Siren = Siren,
    };
}

/// <summary>A local authority's editable record at one version.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Version">The record's version, also sent as the ETag: send it back in If-Match with the next change.</param>
/// <param name="Record">The editable fields.</param>
/// <param name="Url">Public page.</param>
/// <param name="ApiUrl">Its whole public record in this API.</param>
public sealed record EditableAuthorityDto(int Id, uint Version, AuthorityEditDto Record, string Url, string ApiUrl);

/// <summary>A local authority to add to the atlas: where it is, and its own fields.</summary>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country; required.</param>
/// <param name="Region">INSEE code of its French région (a région, or a French authority with no département).</param>
/// <param name="Department">INSEE code of its French département; its région follows.</param>
/// <param name="Name">Name; required, at most 300 characters, not already used in that country.</param>
/// <param name="Kind">Kind of authority (commune, departement, region, commune-rurale, province…); required.</param>
/// <param name="Population">Population, never negative.</param>
/// <param name="PopulationYear">Year of the population figure, 1800 to 2100.</param>
/// <param name="LeaderName">Name of the leader, at most 300 characters.</param>
/// <param name="LeaderTitle">Title of the leader, at most 300 characters.</param>
/// <param name="Website">Website, an absolute http:// or https:// address.</param>
/// <param name="InseeCode">INSEE code of a French authority.</param>
/// <param name="Siren">SIREN number of a French authority.</param>
public sealed record NewAuthorityDto(
    string? Country, string? Region, string? Department, string? Name, string? Kind, int? Population, int? PopulationYear,
    string? LeaderName, string? LeaderTitle, string? Website, string? InseeCode, string? Siren)
{
    public NewAuthority ToNewAuthority() => new()
    {
        CountryCode = Country, RegionCode = Region, DepartmentCode = Department,
        Values = new AuthorityValues
        {
            Name = Name, Kind = Kind, Population = Population, PopulationYear = PopulationYear, LeaderName = LeaderName,
            LeaderTitle = LeaderTitle, Website = Website, InseeCode = InseeCode, Siren = Siren,
        },
    };
}
