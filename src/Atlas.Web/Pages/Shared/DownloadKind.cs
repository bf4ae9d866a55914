namespace Atlas.Web.Pages.Shared;

/// <summary>What a page's « Télécharger ces résultats » offers: the export of one list.</summary>
public enum DownloadKind
{
    /// <summary>/api/v1/exports/projects.*, and the IATI activity file.</summary>
    Projects,
    Partnerships,
    Authorities,
    Countries,
    Themes,
    Organisations,
}
