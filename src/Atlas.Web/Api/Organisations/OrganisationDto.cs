namespace Atlas.Web.Api.Organisations;

/// <summary>An organisation's record.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">association, ngo, university, agency, ministry, programme, company, school or other.</param>
/// <param name="Country">Its country, when known.</param>
/// <param name="City">Its city, when known.</param>
/// <param name="Website">Its website.</param>
/// <param name="Projects">The projects it takes part in or funds, latest start first.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="ApiUrl">This record in this API.</param>
public sealed record OrganisationDto(
    int Id, string Name, string Kind, CodeName? Country, string? City, string? Website, IReadOnlyList<OrganisationProjectDto> Projects,
    DateTimeOffset UpdatedAt, string ApiUrl);
