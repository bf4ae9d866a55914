namespace Atlas.Core.Editing.Deletion;

/// <summary>What became of a deletion or a restoration.</summary>
public abstract record DeletionResult
{
    private DeletionResult() { }

    public sealed record Done : DeletionResult;

    public sealed record NotFound : DeletionResult;

    /// <summary>Outside the editor's rights: nothing changed.</summary>
    public sealed record Forbidden : DeletionResult;

    /// <summary>Someone changed the record since the version the editor saw: nothing changed.</summary>
    public sealed record Conflict(EditResult.Conflict Changes) : DeletionResult;

    /// <summary>
    /// Refused because of what depends on the record (a partnership's projects…) or what it depends on (a deleted partnership
    /// for a project to restore): nothing changed. <paramref name="Message"/> in French for the pages, <paramref name="English"/> for the API.
    /// </summary>
    public sealed record Blocked(string Message, string English) : DeletionResult;
}
