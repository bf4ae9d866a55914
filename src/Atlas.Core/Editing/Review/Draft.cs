namespace Atlas.Core.Editing.Review;

/// <summary>
/// A new record declared by an authority editor (<see cref="Drafts"/>), as its author sees it: where it stands (draft,
/// submitted, sent back with the reviewer's comment, approved with the record it became), whatever its kind.
/// </summary>
public abstract record Draft(long Id, PendingChangeStatus Status, DateTimeOffset SavedAt, string? ReviewerName, string? Comment)
{
    /// <summary>Its title, or how the lists call a draft not yet named.</summary>
    public abstract string Title { get; }

    /// <summary>The draft's own page, where its author completes, submits or deletes it.</summary>
    public abstract string Path { get; }

    /// <summary>Where its author confirms its deletion.</summary>
    public string DeletePath => FormattableString.Invariant($"/brouillons/{Id}/supprimer");

    /// <summary>The page of the record its approval published; null before.</summary>
    public abstract string? PublishedPath { get; }

    /// <summary>Its author may still change it: a draft, or a submission sent back for correction.</summary>
    public bool IsEditable => Status.IsEditableDraft();
}
