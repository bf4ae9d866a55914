using Atlas.Core.Fundings;
using Atlas.Core.Projects;

namespace Atlas.Web.Api;

/// <summary>
/// A project's editable record: what PUT replaces as a whole and PATCH merges into (RFC 7396). Field names are those the
/// validation errors use.
/// </summary>
/// <param name="Title">Title; required, at most 500 characters.</param>
/// <param name="Status">planned, ongoing or completed; required.</param>
/// <param name="FirstSignatureYear">Year the agreement was first signed.</param>
/// <param name="StartYear">Start year; taken from startDate when left out.</param>
/// <param name="StartDate">Start date, when known to the day; within startYear.</param>
/// <param name="EndYear">End year, not before startYear; taken from endDate when left out.</param>
/// <param name="EndDate">End date, when known to the day; within endYear, not before startDate.</param>
/// <param name="Context">Context, at most 20,000 characters.</param>
/// <param name="History">History, at most 20,000 characters.</param>
/// <param name="Objectives">Objectives, at most 20,000 characters.</param>
/// <param name="Description">Detailed description, at most 20,000 characters.</param>
/// <param name="Form">Form of the action, at most 300 characters.</param>
/// <param name="Beneficiaries">Beneficiaries, at most 2,000 characters.</param>
/// <param name="TotalCostAmount">Total cost, never negative; given with totalCostCurrency.</param>
/// <param name="TotalCostCurrency">ISO 4217 code of the total cost.</param>
/// <param name="IsTriennial">Whether it is a triennial partnership.</param>
/// <param name="CommunicationInFrance">Whether communication was undertaken in France.</param>
/// <param name="CommunicationInPartnerCountry">Whether communication was undertaken in the partner country.</param>
/// <param name="EvaluationPolicy">Whether an evaluation policy was undertaken.</param>
/// <param name="MainThemeId">Id of the main theme.</param>
/// <param name="Themes">The other themes, each with its priority (1 first).</param>
/// <param name="Fundings">Every funding line the project keeps: a line with an id changes that line, one without is added, a line left out is removed.</param>
/// <param name="Participants">Every participant the project keeps, as for fundings; null or left out leaves the participants unchanged.</param>
/// <param name="Volunteers">Every volunteer the project keeps, as for fundings; null or left out leaves the volunteers unchanged.</param>
public sealed record ProjectEditDto(
    string? Title, string? Status, int? FirstSignatureYear, int? StartYear, DateOnly? StartDate, int? EndYear, DateOnly? EndDate,
    string? Context, string? History, string? Objectives, string? Description, string? Form, string? Beneficiaries,
    decimal? TotalCostAmount, string? TotalCostCurrency, bool? IsTriennial, bool? CommunicationInFrance, bool? CommunicationInPartnerCountry,
    bool? EvaluationPolicy, int? MainThemeId, IReadOnlyList<ThemeChoiceDto>? Themes, IReadOnlyList<FundingEditDto>? Fundings,
    IReadOnlyList<ParticipantEditDto>? Participants = null, IReadOnlyList<VolunteerEditDto>? Volunteers = null)
{
    public static ProjectEditDto Of(ProjectValues v) => new(
        v.Title, v.Status, v.FirstSignatureYear, v.StartYear, v.StartDate, v.EndYear, v.EndDate,
        v.Context, v.History, v.Objectives, v.Description, v.Form, v.Beneficiaries,
        v.TotalCostAmount, v.TotalCostCurrency, v.IsTriennial, v.CommunicationInFrance, v.CommunicationInPartnerCountry,
        v.EvaluationPolicy, v.MainThemeId,
        v.Themes.Select(t => new ThemeChoiceDto(t.ThemeId, t.Priority)).ToList(),
        v.Fundings.Select(f => new FundingEditDto(f.Id, f.FunderAuthorityId, f.FunderOrganisationId, f.Amount, f.CurrencyCode, f.WaterLawAmount, f.Year, f.Note)).ToList(),
        v.Participants?.Select(p => new ParticipantEditDto(p.Id, p.LocalAuthorityId, p.OrganisationId, p.Role)).ToList(),
        v.Volunteers?.Select(x => new VolunteerEditDto(x.Id, x.FirstName, x.LastName, x.Mission, x.FieldOfAction, x.HostEntity)).ToList());

    public ProjectValues ToValues() => new()
    {
        Title = Title, Status = Status, FirstSignatureYear = FirstSignatureYear, StartYear = StartYear, StartDate = StartDate,
        EndYear = EndYear, EndDate = EndDate, Context = Context, History = History, Objectives = Objectives, Description = Description,
        Form = Form, Beneficiaries = Beneficiaries, TotalCostAmount = TotalCostAmount, TotalCostCurrency = TotalCostCurrency,
        IsTriennial = IsTriennial, CommunicationInFrance = CommunicationInFrance, CommunicationInPartnerCountry = CommunicationInPartnerCountry,
        EvaluationPolicy = EvaluationPolicy, MainThemeId = MainThemeId,
        Themes = (Themes ?? []).Select(t => new ThemeChoice { ThemeId = t.ThemeId, Priority = t.Priority }).ToList(),
        Fundings = (Fundings ?? []).Select(f => new FundingValues
        {
            Id = f.Id, FunderAuthorityId = f.FunderAuthorityId, FunderOrganisationId = f.FunderOrganisationId, Amount = f.Amount,
            CurrencyCode = f.Currency, WaterLawAmount = f.WaterLawAmount, Year = f.Year, Note = f.Note,
        }).ToList(),
        Participants = Participants?.Select(p => new ParticipantValues
        {
            Id = p.Id, LocalAuthorityId = p.LocalAuthorityId, OrganisationId = p.OrganisationId, Role = p.Role,
        }).ToList(),
        Volunteers = Volunteers?.Select(x => new VolunteerValues
        {
            Id = x.Id, FirstName = x.FirstName, LastName = x.LastName, Mission = x.Mission, FieldOfAction = x.FieldOfAction, HostEntity = x.HostEntity,
        }).ToList(),
    };
}

/// <summary>A secondary theme of a project, as edited.</summary>
/// <param name="ThemeId">Id of the theme.</param>
/// <param name="Priority">Its priority, 1 to 99 (1 first).</param>
public sealed record ThemeChoiceDto(int ThemeId, int? Priority);

/// <summary>A funding line, as edited.</summary>
/// <param name="Id">The line changed; null or left out for a new line.</param>
/// <param name="FunderAuthorityId">Id of the funding authority; give it or funderOrganisationId, not both.</param>
/// <param name="FunderOrganisationId">Id of the funding organisation.</param>
/// <param name="Amount">Amount, never negative; required.</param>
/// <param name="Currency">ISO 4217 code of the amount; required.</param>
/// <param name="WaterLawAmount">Part under the 1 % water and sanitation law, same currency, at most the amount.</param>
/// <param name="Year">Year of the funding.</param>
/// <param name="Note">What the source says of it, at most 500 characters.</param>
public sealed record FundingEditDto(
    int? Id, int? FunderAuthorityId, int? FunderOrganisationId, decimal? Amount, string? Currency, decimal? WaterLawAmount, int? Year, string? Note);

/// <summary>A participant of a project, as edited: an existing authority or organisation in one role.</summary>
/// <param name="Id">The participation changed; null or left out for a new one.</param>
/// <param name="LocalAuthorityId">Id of the participating authority; give it or organisationId, not both.</param>
/// <param name="OrganisationId">Id of the participating organisation.</param>
/// <param name="Role">owner, owner-assistant, implementer, beneficiary, foreign-partner, french-partner, other-partner-france or other-partner-abroad; required.</param>
public sealed record ParticipantEditDto(int? Id, int? LocalAuthorityId, int? OrganisationId, string? Role);

/// <summary>A volunteer working on a project, as edited.</summary>
/// <param name="Id">The volunteer changed; null or left out for a new one.</param>
/// <param name="FirstName">First name; a first or last name is required.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Mission">The mission, at most 500 characters.</param>
/// <param name="FieldOfAction">Where the volunteer acts, at most 300 characters.</param>
/// <param name="HostEntity">The hosting body, at most 300 characters.</param>
public sealed record VolunteerEditDto(int? Id, string? FirstName, string? LastName, string? Mission, string? FieldOfAction, string? HostEntity);

/// <summary>A project's editable record at one version.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Version">The record's version, also sent as the ETag: send it back in If-Match with the next change.</param>
/// <param name="Record">The editable fields, themes and funding lines.</param>
/// <param name="Url">Public page.</param>
/// <param name="ApiUrl">Its whole public record in this API.</param>
public sealed record EditableProjectDto(int Id, uint Version, ProjectEditDto Record, string Url, string ApiUrl);

/// <summary>A change accepted for review rather than applied.</summary>
/// <param name="PendingChangeId">The pending change, as listed on the portal's review pages.</param>
/// <param name="Status">pending.</param>
/// <param name="Detail">What happens next.</param>
public sealed record PendingChangeDto(long PendingChangeId, string Status, string Detail);
