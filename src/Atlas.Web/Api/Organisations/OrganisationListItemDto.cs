namespace Atlas.Web.Api.Organisations;

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
