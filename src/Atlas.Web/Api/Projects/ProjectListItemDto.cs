namespace Atlas.Web.Api.Projects;

/// <summary>A project in a list.</summary>
/// <param name="Id">Stable identifier, never reused or changed by a rename.</param>
/// <param name="Title">Title of the project.</param>
/// <param name="Status">planned, ongoing or completed.</param>
/// <param name="StartYear">Year the project started.</param>
/// <param name="EndYear">Year it ended or is planned to end.</param>
/// <param name="Partnership">The partnership it belongs to, if any.</param>
/// <param name="Countries">Partner countries (outside France).</param>
/// <param name="MainTheme">Its main theme.</param>
/// <param name="Authorities">French and foreign authorities taking part.</param>
/// <param name="UpdatedAt">Last change of the record.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record ProjectListItemDto(
    int Id, string Title, string Status, int? StartYear, int? EndYear, PartnershipRefDto? Partnership, IReadOnlyList<CodeName> Countries,
    ThemeDto? MainTheme, IReadOnlyList<AuthorityRefDto> Authorities, DateTimeOffset UpdatedAt, string Url, string ApiUrl);
