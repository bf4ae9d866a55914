namespace Atlas.Web.Api.Projects;

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
