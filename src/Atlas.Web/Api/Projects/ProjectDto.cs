namespace Atlas.Web.Api.Projects;

/// <summary>A project's whole record, as its public page shows it.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title.</param>
/// <param name="Status">planned, ongoing or completed.</param>
/// <param name="FirstSignatureYear">Year the agreement was first signed.</param>
/// <param name="StartYear">Start year.</param>
/// <param name="StartDate">Start date, when known to the day.</param>
/// <param name="EndYear">End year.</param>
/// <param name="EndDate">End date, when known to the day.</param>
/// <param name="Context">Context.</param>
/// <param name="History">History.</param>
/// <param name="Objectives">Objectives.</param>
/// <param name="Description">Detailed description.</param>
/// <param name="Form">Form of the action (e.g. projet de coopération décentralisée).</param>
/// <param name="Beneficiaries">Beneficiaries, as described.</param>
/// <param name="TotalCost">Total cost, in its currency.</param>
/// <param name="IsTriennial">Whether it is a triennial partnership.</param>
/// <param name="CommunicationInFrance">Whether communication was undertaken in France.</param>
/// <param name="CommunicationInPartnerCountry">Whether communication was undertaken in the partner country.</param>
/// <param name="EvaluationPolicy">Whether an evaluation policy was undertaken.</param>
/// <param name="Partnership">The partnership it belongs to.</param>
/// <param name="Countries">Partner countries.</param>
/// <param name="MainTheme">Main theme.</param>
/// <param name="OtherThemes">Other themes, with their priority.</param>
/// <param name="Participants">Owners, implementers, beneficiaries and partners.</param>
/// <param name="Fundings">Funding lines.</param>
/// <param name="Contacts">Contacts of the project.</param>
/// <param name="Volunteers">Volunteers.</param>
/// <param name="DiplomaticPosts">Embassies following the partner countries.</param>
/// <param name="Source">Where the record comes from.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="Url">Public page.</param>
/// <param name="Version">The record's version: send it as the strong ETag of an If-Match header (<c>If-Match: "1234"</c>) to change the record through PUT or PATCH.</param>
public sealed record ProjectDto(
    int Id, string Title, string Status, int? FirstSignatureYear, int? StartYear, DateOnly? StartDate, int? EndYear, DateOnly? EndDate,
    string? Context, string? History, string? Objectives, string? Description, string? Form, string? Beneficiaries, MoneyDto? TotalCost,
    bool? IsTriennial, bool? CommunicationInFrance, bool? CommunicationInPartnerCountry, bool? EvaluationPolicy,
    PartnershipRefDto? Partnership, IReadOnlyList<CodeName> Countries, ThemeDto? MainTheme, IReadOnlyList<OtherThemeDto> OtherThemes,
    IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<FundingDto> Fundings, IReadOnlyList<ContactDto> Contacts,
    IReadOnlyList<VolunteerDto> Volunteers, IReadOnlyList<DiplomaticPostDto> DiplomaticPosts, string? Source, DateTimeOffset UpdatedAt, string Url, uint Version);
