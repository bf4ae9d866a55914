namespace Atlas.Web.Pages.Shared;

/// <summary>Constants shared by every public page.</summary>
public static class Site
{
    public const string Name = "Atlas de la coopération décentralisée";
}
