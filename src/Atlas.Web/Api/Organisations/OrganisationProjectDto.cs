namespace Atlas.Web.Api.Organisations;

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
