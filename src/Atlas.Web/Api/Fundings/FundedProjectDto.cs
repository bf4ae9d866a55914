namespace Atlas.Web.Api.Fundings;

/// <summary>A project as referenced from a funding line.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title of the project.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record FundedProjectDto(int Id, string Title, string Url, string ApiUrl);
