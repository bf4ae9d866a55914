namespace Atlas.Web.Api;

/// <summary>An organisation (association, NGO, university, agency, ministry, programme…) in a list. Organisations have no public page yet.</summary>
/// <param name="Id">Stable identifier, never reused or changed by a rename.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">association, ngo, university, agency, ministry, programme, company, school or other.</param>
/// <param name="Country">Its country, when known.</param>
/// <param name="City">Its city, when known.</param>
/// <param name="Website">Its website.</param>
/// <param name="ProjectCount">How many projects it takes part in or funds.</param>
/// <param name="UpdatedAt">Last change of the record.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record OrganisationListItemDto(
    int Id, string Name, string Kind, CodeName? Country, string? City, string? Website, int ProjectCount, DateTimeOffset UpdatedAt, string ApiUrl);

/// <summary>A project an organisation takes part in or funds.</summary>
/// <param name="Id">Stable identifier of the project.</param>
/// <param name="Title">Its title.</param>
/// <param name="Status">planned, ongoing or completed.</param>
/// <param name="StartYear">Year it started.</param>
/// <param name="Roles">The organisation's roles in it (owner, implementer, other-partner-france…); empty when it only funds it.</param>
/// <param name="Funds">Whether the organisation funds it.</param>
/// <param name="Url">The project's public page.</param>
/// <param name="ApiUrl">The project's record in this API.</param>
public sealed record OrganisationProjectDto(int Id, string Title, string Status, int? StartYear, IReadOnlyList<string> Roles, bool Funds, string Url, string ApiUrl);

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
