namespace Atlas.Web.Hosting;

/// <summary>The authorization policies of the portal and, later, of the write API.</summary>
public static class AtlasPolicies
{
    /// <summary>Any signed-in account, whatever its role.</summary>
    public const string Editor = "Editor";
    public const string Administrator = "Administrator";
}
