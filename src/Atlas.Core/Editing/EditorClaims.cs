namespace Atlas.Core.Editing;

/// <summary>The claims that carry an <see cref="Editor"/> in the sign-in cookie (and, later, in API tokens).</summary>
public static class EditorClaims
{
    public const string UserId = "atlas:user";
    public const string Name = "atlas:name";
    public const string Role = "atlas:role";
    public const string DiplomaticPost = "atlas:post";
    public const string LocalAuthority = "atlas:authority";
}
