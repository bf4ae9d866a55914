using NpgsqlTypes;

namespace Atlas.Core.Projects;

/// <summary>One piece of work, usually inside a partnership: the atlas's "fiche projet".</summary>
public sealed class Project : AtlasRecord
{
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Title { get; set; }
    public int? FirstSignatureYear { get; set; }
    public int? StartYear { get; set; }
    public DateOnly? StartDate { get; set; }
    public int? EndYear { get; set; }
    public DateOnly? EndDate { get; set; }
    public ProjectStatus Status { get; set; }
    public string? Context { get; set; }
    public string? History { get; set; }
    public string? Objectives { get; set; }
    public string? Description { get; set; }
    /// <summary>The form the action takes ("Projet de coopération décentralisée"…).</summary>
    public string? Form { get; set; }
    public string? Beneficiaries { get; set; }
    public decimal? TotalCostAmount { get; set; }
    public string? TotalCostCurrency { get; set; }
    public bool? IsTriennial { get; set; }
    public bool? CommunicationInFrance { get; set; }
    public bool? CommunicationInPartnerCountry { get; set; }
    public bool? EvaluationPolicy { get; set; }
    public string? Source { get; set; }
    /// <summary>
    /// When a person last confirmed the record: an edit, or « toujours exact » from their space (<see cref="Atlas.Core.Freshness.RecordFreshness"/>).
    /// Null when nobody has since it was loaded. Kept by the application, not shown in the history.
    /// </summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    public List<ProjectParticipant> Participants { get; set; } = [];
    public List<ProjectTheme> Themes { get; set; } = [];
    public List<Funding> Fundings { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<Volunteer> Volunteers { get; set; } = [];

    // Derived by ProjectSearchIndex from the project's graph, so that a search reads one table; never edited by hand.
    public string SearchText { get; set; } = "";
    public NpgsqlTsVector? SearchVector { get; set; }
    public string[] CountryCodes { get; set; } = [];
    public string[] RegionCodes { get; set; } = [];
    public string[] DepartmentCodes { get; set; } = [];
    public int[] AuthorityIds { get; set; } = [];
    /// <summary>The project's own themes (main or other) with all their ancestors; never its partnership's.</summary>
    public int[] ThemeIds { get; set; } = [];
}
