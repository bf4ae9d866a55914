namespace Atlas.Core.Editing;

/// <summary>The signed-in person making a change, as the Core services see them: who, and within which scope.</summary>
public sealed record Editor(int UserId, string Name, EditorRole Role, int? DiplomaticPostId, int? LocalAuthorityId)
{
    /// <summary>
    /// Set when this editor publishes someone else's proposed change (a reviewer approving an authority editor's): the scope
    /// checked is this editor's, the history's author the proposer, this editor its approver.
    /// </summary>
    public ChangeProposer? ProposedBy { get; init; }

    public static Editor Of(AtlasUser user) => new(user.Id, user.DisplayName, user.Role, user.DiplomaticPostId, user.LocalAuthorityId);
}
