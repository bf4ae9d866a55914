using Microsoft.AspNetCore.Html;

namespace Atlas.Web.Pages.Donnees;

/// <summary>/donnees: what can be downloaded, and every column of every export table, from the exports' own declarations.</summary>
public sealed class DonneesIndexModel : PageModel
{
    public IReadOnlyList<ExportTable> Tables => ExportCatalog.Tables;

    public static IReadOnlyList<ExportFormat> Formats => ExportFormat.All;

    public static string DataPackageUrl => ExportsEndpoints.DataPackagePath;

    public static string Joiner => ExportColumn.Joiner.Trim();

    public void OnGet()
    {
    }

    public static string FileUrl(ExportTable table, ExportFormat format) => $"{ExportsEndpoints.ExportsPath}/{ExportsEndpoints.FileName(table, format)}";

    public static string Anchor(ExportTable table) => $"table-{table.FileName}";

    /// <summary>The type of a column, as a person reads it.</summary>
    public static string TypeLabel(ExportColumn column)
    {
        if (column.IsRepeated)
        {
            var items = column.Type switch
            {
                ExportType.Integer => "nombres entiers",
                ExportType.Number => "nombres décimaux",
                _ => "textes",
            };
            return $"liste de {items}, séparés par « {Joiner} » (un tableau en JSON Lines)";
        }
        return column.Type switch
        {
            ExportType.Integer => "nombre entier",
            ExportType.Number => "nombre décimal (point décimal)",
            ExportType.Boolean => "booléen : true ou false",
            ExportType.Date => "date : AAAA-MM-JJ",
            ExportType.DateTime => "date et heure : ISO 8601, temps universel (AAAA-MM-JJThh:mm:ssZ)",
            _ => "texte",
        };
    }

    /// <summary>Column names as code, joined with "et".</summary>
    public static IHtmlContent Codes(IReadOnlyList<string> names)
    {
        var html = new HtmlContentBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) html.Append(i == names.Count - 1 ? " et " : ", ");
            html.AppendHtml("<code>").Append(names[i]).AppendHtml("</code>");
        }
        return html;
    }

    public string TableLabel(string name) => Tables.FirstOrDefault(t => t.Name == name)?.Label ?? name;
}
