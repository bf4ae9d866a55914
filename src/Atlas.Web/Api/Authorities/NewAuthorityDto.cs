namespace Atlas.Web.Api.Authorities;

/// <summary>A local authority to add to the atlas: where it is, and its own fields.</summary>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country; required.</param>
/// <param name="Region">INSEE code of its French région (a région, or a French authority with no département).</param>
/// <param name="Department">INSEE code of its French département; its région follows.</param>
/// <param name="Name">Name; required, at most 300 characters, not already used in that country.</param>
/// <param name="AlternateNames">Other spellings and former or later names it is known by ("El Jedida" for "El Jadida"), searched with the name: at most 20, each at most 300 characters on one line, without "|", neither the name nor another of the list (accents, case and punctuation aside). Null or absent: none.</param>
/// <param name="Kind">Kind of authority (commune, departement, region, commune-rurale, province…); required.</param>
/// <param name="Population">Population, never negative.</param>
/// <param name="PopulationYear">Year of the population figure, 1800 to 2100.</param>
/// <param name="LeaderName">Name of the leader, at most 300 characters.</param>
/// <param name="LeaderTitle">Title of the leader, at most 300 characters.</param>
/// <param name="Website">Website, an absolute http:// or https:// address.</param>
/// <param name="InseeCode">INSEE code of a French authority.</param>
/// <param name="Siren">SIREN number of a French authority.</param>
public sealed record NewAuthorityDto(
    string? Country, string? Region, string? Department, string? Name, IReadOnlyList<string?>? AlternateNames, string? Kind, int? Population, int? PopulationYear,
    string? LeaderName, string? LeaderTitle, string? Website, string? InseeCode, string? Siren)
{
    public NewAuthority ToNewAuthority() => new()
    {
        CountryCode = Country, RegionCode = Region, DepartmentCode = Department,
        Values = new AuthorityValues
        {
            Name = Name, AlternateNames = AlternateNames is null ? null : [.. AlternateNames], Kind = Kind, Population = Population, PopulationYear = PopulationYear, LeaderName = LeaderName,
            LeaderTitle = LeaderTitle, Website = Website, InseeCode = InseeCode, Siren = Siren,
        },
    };
}
