using System.Globalization;
using Atlas.Core.Editing;
using Atlas.Core.Fundings;
using Atlas.Core.Projects;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Pages.Projets;

/// <summary>/projets/{id}/historique: every recorded change of a project and its records, newest first, and a comparison of two of its versions.</summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class HistoriqueModel(ProjectEditQuery projects, ChangeHistoryQuery history) : AccountPageModel
{
    private static readonly string ProjectType = RecordedTypes.NameOf<Project>();
    private static readonly string FundingType = RecordedTypes.NameOf<Funding>();

    public int ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<ChangeRecord> Changes { get; private set; } = [];

    /// <summary>The changes a person reads: a save that changed only the project's funding lines or themes also leaves an
    /// empty record of the project (it marks the version for conflicts), which says nothing on its own.</summary>
    public IEnumerable<ChangeRecord> Shown => Changes.Where(c => c.Action != ChangeAction.Updated || c.Changes.Count > 0);
    /// <summary>The two points compared: a change's id (the version just after it), 0 for before the history, null for now.</summary>
    public long? From { get; private set; }
    public long? To { get; private set; }
    /// <summary>The differences between the two versions chosen, by record; null when none were chosen.</summary>
    public IReadOnlyList<(string Record, IReadOnlyList<FieldDifference> Fields)>? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "de")] string? from, [FromQuery(Name = "a")] string? to, CancellationToken ct)
    {
        var title = await projects.TitleAsync(id, ct);
        if (title is null) return NotFound();
        ProjectId = id;
        Title = title;
        Changes = await history.OfProjectAsync(id, ct);
        if (!Request.Query.ContainsKey("de") && !Request.Query.ContainsKey("a")) return Page();

        From = Point(from);
        To = Point(to);
        var fundings = await projects.FundingIdsAsync(id, ct);
        var records = new[] { (ProjectType, id.ToString(CultureInfo.InvariantCulture)) }
            .Concat(Changes.Where(c => c.EntityType == FundingType).Select(c => (c.EntityType, c.EntityId)))
            .Concat(fundings.Select(f => (FundingType, f.ToString(CultureInfo.InvariantCulture))))
            .Distinct();
        var comparison = new List<(string, IReadOnlyList<FieldDifference>)>();
        foreach (var (type, key) in records)
        {
            var differences = await history.CompareAsync(type, key, From, To, ct);
            if (differences is { Count: > 0 }) comparison.Add((EditLabels.Record(type, key), differences));
        }
        Comparison = comparison;
        return Page();
    }

    /// <summary>The versions one may compare: before the history, after each change, now.</summary>
    public IReadOnlyList<FieldOption> Points =>
    [
        new("", "Version actuelle"),
        .. Changes.Select(c => new FieldOption(c.Id.ToString(CultureInfo.InvariantCulture),
            $"Après le changement n° {c.Id} ({When(c.At)}, {c.UserName})")),
        new("0", "Avant le premier changement enregistré"),
    ];

    public static string When(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Paris).ToString("d MMMM yyyy 'à' HH:mm", Shared.Format.French);

    private static long? Point(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var point) ? point : null;

    private static readonly TimeZoneInfo Paris = FindParis();

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
