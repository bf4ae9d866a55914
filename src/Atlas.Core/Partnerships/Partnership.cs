namespace Atlas.Core.Partnerships;

/// <summary>The lasting link between French and foreign local authorities (partenariat, jumelage).</summary>
public sealed class Partnership : AtlasRecord
{
    public required string Title { get; set; }
    public string? LegalFrame { get; set; }
    public DateOnly? SignedOn { get; set; }
    public int? SignedYear { get; set; }
    public PartnershipStatus Status { get; set; }
    public string? History { get; set; }
    /// <summary>The fields of action as the source lists them.</summary>
    public string? Domains { get; set; }
    public string? Source { get; set; }
    /// <summary>
    /// When a person last confirmed the record: an edit, or « toujours exact » from their space (<see cref="Atlas.Core.Freshness.RecordFreshness"/>).
    /// Null when nobody has since it was loaded. Kept by the application, not shown in the history.
    /// </summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    public List<PartnershipAuthority> Authorities { get; set; } = [];
    public List<PartnershipTheme> Themes { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
}
