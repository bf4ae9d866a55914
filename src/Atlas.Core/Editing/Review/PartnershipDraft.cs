namespace Atlas.Core.Editing.Review;

/// <summary>A new partnership declared by an authority editor, with the values its form starts from.</summary>
public sealed record PartnershipDraft(long Id, PendingChangeStatus Status, DateTimeOffset SavedAt, string? ReviewerName, string? Comment,
    int? PartnershipId, PartnershipValues Values) : Draft(Id, Status, SavedAt, ReviewerName, Comment)
{
    public override string Title => string.IsNullOrWhiteSpace(Values.Title) ? "Partenariat sans titre" : Values.Title.Trim();

    public override string Path => Drafts.PathOf(PendingChangeKind.NewPartnership, Id);

    public override string? PublishedPath => PartnershipId is { } id ? FormattableString.Invariant($"/partenariats/{id}") : null;
}
