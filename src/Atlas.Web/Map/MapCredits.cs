using Microsoft.AspNetCore.Html;

namespace Atlas.Web.Map;

/// <summary>The credit of the outlines a page draws, as one sentence of HTML (texts encoded, links to source and licence).</summary>
public static class MapCredits
{
    /// <summary>« Fonds de carte : pays, Natural Earth (domaine public) ; départements, Victor Cazanave, d'après MapSVG (licence CC BY 4.0). »</summary>
    public static IHtmlContent Html(params ShapeSet[] sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var html = new HtmlContentBuilder();
        html.Append("Fonds de carte : ");
        var first = true;
        foreach (var credit in sets.Select(s => s.Credit).Distinct())
        {
            if (!first) html.Append(" ; ");
            first = false;
            html.Append(credit.Subject).Append(", ");
            Link(html, credit.Source, credit.SourceUrl);
            html.Append(" (");
            Link(html, credit.Licence, credit.LicenceUrl);
            html.Append(")");
        }
        return html.Append(".");
    }

    private static void Link(IHtmlContentBuilder html, string text, string? url)
    {
        if (url is null)
        {
            html.Append(text);
            return;
        }
        html.AppendHtml("<a href=\"").Append(url).AppendHtml("\">").Append(text).AppendHtml("</a>");
    }
}
