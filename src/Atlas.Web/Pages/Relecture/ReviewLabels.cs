using Atlas.Web.Pages.Projets;

namespace Atlas.Web.Pages.Relecture;

/// <summary>The French words of the review pages: a diff's field as the form names it, its values as people read them, a change's status, a time.</summary>
public static class ReviewLabels
{
    public static string Field(FieldDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return diff.Field switch
        {
            "themes" => "Thématiques",
            "authorities" => "Collectivités partenaires",
            "legalFrame" => "Cadre juridique",
            "signedOn" => "Date de signature",
            "signedYear" => "Année de signature",
            "domains" => "Domaines",
            "contacts" => "Contacts",
            _ when diff.Field.StartsWith("funding/", StringComparison.Ordinal) => diff.Line is { } line
                ? $"Lignes de financement — Ligne n° {line}"
                : "Lignes de financement — nouvelle ligne",
            _ => EditLabels.Field(diff.Field),
        };
    }

    /// <summary>A value of the diff as people read it: an amount « 85 000 € », a status's name, a date in words, « — » for none.</summary>
    public static string Value(FieldDiff diff, string? value)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (value is null) return "—";
        return diff.Field switch
        {
            "totalCostAmount" when decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount) =>
                ValuesDiff.Amount(amount, diff.Currency),
            "status" when EnumCode<ProjectStatus>.TryParse(value, out _) => EditLabels.Value("status", value),
            "status" when EnumCode<PartnershipStatus>.TryParse(value, out var partnership) => Labels.Status(partnership),
            "signedOn" when DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var signed) => Format.Date(signed),
            "startDate" or "endDate" when DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date) => Format.Date(date),
            _ => EditLabels.Value(diff.Field, value),
        };
    }

    /// <summary>The words that changed, when the field is a long text.</summary>
    public static IReadOnlyList<DiffSegment>? Words(FieldDiff diff) =>
        diff is null || diff.Field.StartsWith("funding/", StringComparison.Ordinal) ? null : HistoryWording.Words(diff.Current, diff.Proposed);

    public static string Status(PendingChangeStatus status) => status switch
    {
        PendingChangeStatus.Pending => "En attente de relecture",
        PendingChangeStatus.Approved => "Approuvée et publiée",
        PendingChangeStatus.SentBack => "Renvoyée pour correction",
        PendingChangeStatus.Draft => "Brouillon",
        _ => status.ToString(),
    };

    /// <summary>Where a declared project stands, as its author's space says it.</summary>
    public static string DraftStatus(PendingChangeStatus status) => status switch
    {
        PendingChangeStatus.Draft => "Brouillon",
        PendingChangeStatus.Pending => "En attente de relecture",
        PendingChangeStatus.Approved => "Approuvé et publié",
        PendingChangeStatus.SentBack => "Renvoyé pour correction",
        _ => status.ToString(),
    };

    /// <summary>« 6 décembre 2026 à 11 h 57 (heure de Paris) », as the history tells it.</summary>
    public static string Day(DateTimeOffset at) => Format.Instant(at);
}
