using System.Globalization;
using Atlas.Core.Editing.Review;
using Atlas.Web.Pages.Projets;

namespace Atlas.Web.Pages.Relecture;

/// <summary>The French words of the review pages: a diff's field, a change's status, a date.</summary>
public static class ReviewLabels
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Field(string field) => field switch
    {
        "themes" => "Thématiques",
        _ when field.StartsWith("funding/new-", StringComparison.Ordinal) => "Nouvelle ligne de financement",
        _ when field.StartsWith("funding/", StringComparison.Ordinal) => EditLabels.Record("funding", field["funding/".Length..]),
        _ => EditLabels.Field(field),
    };

    public static string Status(PendingChangeStatus status) => status switch
    {
        PendingChangeStatus.Pending => "En attente de relecture",
        PendingChangeStatus.Approved => "Approuvée et publiée",
        PendingChangeStatus.SentBack => "Renvoyée",
        _ => status.ToString(),
    };

    public static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy 'à' HH:mm", French);
}
