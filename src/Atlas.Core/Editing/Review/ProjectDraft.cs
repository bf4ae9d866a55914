namespace Atlas.Core.Editing.Review;

/// <summary>A new project declared by an authority editor in a partnership, with the values its form starts from.</summary>
public sealed record ProjectDraft(long Id, int PartnershipId, string PartnershipTitle, PendingChangeStatus Status, DateTimeOffset SavedAt,
    string? ReviewerName, string? Comment, int? ProjectId, ProjectValues Values) : Draft(Id, Status, SavedAt, ReviewerName, Comment)
{
    public override string Title => string.IsNullOrWhiteSpace(Values.Title) ? "Projet sans titre" : Values.Title.Trim();

    public override string Path => Drafts.PathOf(PendingChangeKind.NewProject, Id);

    public override string? PublishedPath => ProjectId is { } id ? FormattableString.Invariant($"/projets/{id}") : null;
}
