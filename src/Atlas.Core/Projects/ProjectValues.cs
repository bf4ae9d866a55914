namespace Atlas.Core.Projects;

/// <summary>A project's fields as an editor submits them (a form, an API body): kept as typed, checked by <see cref="ProjectValidator"/>.</summary>
public sealed class ProjectValues : IHasContactLines
{
    public string? Title { get; set; }
    /// <summary>The status code: planned, ongoing or completed.</summary>
    public string? Status { get; set; }
    public int? FirstSignatureYear { get; set; }
    public int? StartYear { get; set; }
    public DateOnly? StartDate { get; set; }
    public int? EndYear { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Context { get; set; }
    public string? History { get; set; }
    public string? Objectives { get; set; }
    public string? Description { get; set; }
    public string? Form { get; set; }
    public string? Beneficiaries { get; set; }
    public decimal? TotalCostAmount { get; set; }
    public string? TotalCostCurrency { get; set; }
    public bool? IsTriennial { get; set; }
    public bool? CommunicationInFrance { get; set; }
    public bool? CommunicationInPartnerCountry { get; set; }
    public bool? EvaluationPolicy { get; set; }
    public int? MainThemeId { get; set; }
    /// <summary>The other themes, each with its priority (1 first).</summary>
    public List<ThemeChoice> Themes { get; set; } = [];
    /// <summary>Every funding line the project keeps: a line with an id changes that line, one without is added, a line left out is removed.</summary>
    public List<FundingValues> Fundings { get; set; } = [];
    /// <summary>
    /// Every participant the project keeps, as for funding lines; null leaves the participants as they are (a change submitted
    /// before participants were editable, an API client that does not send them).
    /// </summary>
    public List<ParticipantValues>? Participants { get; set; }
    /// <summary>Every volunteer the project keeps, as for funding lines; null leaves them as they are.</summary>
    public List<VolunteerValues>? Volunteers { get; set; }
    /// <summary>The project's contacts, as for funding lines; null leaves them as they are.</summary>
    public List<ContactValues>? Contacts { get; set; }

    /// <summary>The values of a project as it stands, to fill a form.</summary>
    public static ProjectValues Of(Project project) => new()
    {
        Title = project.Title,
        Status = EnumCode<ProjectStatus>.ToCode(project.Status),
        FirstSignatureYear = project.FirstSignatureYear,
        StartYear = project.StartYear,
        StartDate = project.StartDate,
        EndYear = project.EndYear,
        EndDate = project.EndDate,
        Context = project.Context,
        History = project.History,
        Objectives = project.Objectives,
        Description = project.Description,
        Form = project.Form,
        Beneficiaries = project.Beneficiaries,
        TotalCostAmount = project.TotalCostAmount,
        TotalCostCurrency = project.TotalCostCurrency,
        IsTriennial = project.IsTriennial,
        CommunicationInFrance = project.CommunicationInFrance,
        CommunicationInPartnerCountry = project.CommunicationInPartnerCountry,
        EvaluationPolicy = project.EvaluationPolicy,
        MainThemeId = project.Themes.FirstOrDefault(t => t.IsMain)?.ThemeId,
        Themes = project.Themes.Where(t => !t.IsMain).OrderBy(t => t.Priority ?? int.MaxValue)
            .Select(t => new ThemeChoice { ThemeId = t.ThemeId, Priority = t.Priority }).ToList(),
        Fundings = project.Fundings.OrderBy(f => f.SortOrder).Select(FundingValues.Of).ToList(),
        Participants = project.Participants.OrderBy(p => p.SortOrder).Select(ParticipantValues.Of).ToList(),
        Volunteers = project.Volunteers.OrderBy(v => v.Id).Select(VolunteerValues.Of).ToList(),
        Contacts = ContactValues.Of(project.Contacts),
    };
}
