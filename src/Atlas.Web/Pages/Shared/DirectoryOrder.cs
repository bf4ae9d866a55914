namespace Atlas.Web.Pages.Shared;

/// <summary>How the directories order the short lists they sort in memory (the options of a select): names as a French reader sorts them.</summary>
public static class DirectoryOrder
{
    public static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.None);
}
