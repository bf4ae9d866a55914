namespace Atlas.Core.Editing.Review;

/// <summary>
/// A new project declared by an authority editor, as its author sees it: its partnership, where it stands (draft, submitted,
/// sent back with the reviewer's comment, approved with the project it became), and the values its form starts from.
/// </summary>
public sealed record ProjectDraft(long Id, int PartnershipId, string PartnershipTitle, PendingChangeStatus Status, DateTimeOffset SavedAt,
    string? ReviewerName, string? Comment, int? ProjectId, ProjectValues Values)
{
    /// <summary>Its title, or how the lists call a draft not yet named.</summary>
    public string Title => string.IsNullOrWhiteSpace(Values.Title) ? "Projet sans titre" : Values.Title.Trim();

    /// <summary>Its author may still change it: a draft, or a submission sent back for correction.</summary>
    public bool IsEditable => Status.IsEditableDraft();
}
