using Atlas.Core.Data;
using NpgsqlTypes;

namespace Atlas.Core.Domain;

/// <summary>One piece of work, usually inside a partnership: the atlas's "fiche projet".</summary>
public sealed class Project : ISoftDeletable
{
    public DateTimeOffset? DeletedAt { get; set; }
    public int Id { get; set; }
    public string? Key { get; set; }
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
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The row's version (PostgreSQL xmin) for optimistic concurrency: a save made from an older one is refused.</summary>
    public uint Version { get; set; }

    public List<ProjectParticipant> Participants { get; set; } = [];
    public List<ProjectTheme> Themes { get; set; } = [];
    public List<Funding> Fundings { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<Volunteer> Volunteers { get; set; } = [];

    // Derived by Search.ProjectSearchIndex from the project's graph, so that a search reads one table; never edited by hand.
    public string SearchText { get; set; } = "";
    public NpgsqlTsVector? SearchVector { get; set; }
    public string[] CountryCodes { get; set; } = [];
    public string[] RegionCodes { get; set; } = [];
    public string[] DepartmentCodes { get; set; } = [];
    public int[] AuthorityIds { get; set; } = [];
    /// <summary>The project's own themes (main or other) with all their ancestors; never its partnership's.</summary>
    public int[] ThemeIds { get; set; } = [];
}

public sealed class ProjectTheme
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
    public bool IsMain { get; set; }
    public int? Priority { get; set; }
}

/// <summary>An authority or an organisation taking part in a project in one role.</summary>
public sealed class ProjectParticipant : ISoftDeletable
{
    public DateTimeOffset? DeletedAt { get; set; }
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public ParticipantRole Role { get; set; }
    public int? LocalAuthorityId { get; set; }
    public LocalAuthority? LocalAuthority { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int SortOrder { get; set; }
    public uint Version { get; set; }

    public string Name => LocalAuthority?.Name ?? Organisation?.Name ?? "";
}

/// <summary>A funding line: who pays how much, in which currency, which year.</summary>
public sealed class Funding : ISoftDeletable
{
    public DateTimeOffset? DeletedAt { get; set; }
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int? FunderAuthorityId { get; set; }
    public LocalAuthority? FunderAuthority { get; set; }
    public int? FunderOrganisationId { get; set; }
    public Organisation? FunderOrganisation { get; set; }
    public decimal Amount { get; set; }
    public required string CurrencyCode { get; set; }
    /// <summary>The part under the 1 % water and sanitation law (loi Oudin-Santini, 2005).</summary>
    public decimal? WaterLawAmount { get; set; }
    public int? Year { get; set; }
    public string? Note { get; set; }
    public int SortOrder { get; set; }
    public uint Version { get; set; }

    public string FunderName => FunderAuthority?.Name ?? FunderOrganisation?.Name ?? "";
}

/// <summary>A volunteer (VSI, service civique…) working on a project.</summary>
public sealed class Volunteer : ISoftDeletable
{
    public DateTimeOffset? DeletedAt { get; set; }
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public string? Mission { get; set; }
    public string? FieldOfAction { get; set; }
    public string? HostEntity { get; set; }
    public uint Version { get; set; }
}
