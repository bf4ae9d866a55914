using Microsoft.AspNetCore.Identity;

namespace Atlas.Core.Accounts;

/// <summary>A person who signs in to edit the atlas. The public needs no account.</summary>
public sealed class AtlasUser : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
    public EditorRole Role { get; set; }
    /// <summary>For a correspondent: the embassy whose countries' records they keep.</summary>
    public int? DiplomaticPostId { get; set; }
    /// <summary>For an authority editor: the authority whose records they keep.</summary>
    public int? LocalAuthorityId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
