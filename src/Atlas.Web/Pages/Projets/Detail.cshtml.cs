using Atlas.Core.Countries;
using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Editing;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Atlas.Web.Pages.Projets;

/// <summary>/projets/{id}: a project's full public record ("fiche projet") and the embassy contacts of its countries.</summary>
public sealed class ProjetsDetailModel(ProjectRecordQuery records, ReferenceCatalog catalog, EditorAccessor editors, EditingScope scope) : PageModel
{
    /// <summary>The confirmation of an edit just saved, shown once.</summary>
    [TempData]
    public string? Notice { get; set; }
    /// <summary>A signed-in editor sees the history; "Modifier" only when their scope covers the project.</summary>
    public bool IsEditor { get; private set; }
    public bool MayEdit { get; private set; }
    /// <summary>Correspondents and administrators delete the projects they may edit; an authority's editor asks them.</summary>
    public bool MayDelete { get; private set; }
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<DiplomaticPost> Posts { get; private set; } = [];
    /// <summary>The last edit in the project's history; null for a record never edited since it was loaded.</summary>
    public DateTimeOffset? LastEditedAt { get; private set; }
    public ReferenceCatalog.Snapshot Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var record = await records.GetAsync(id, ct);
        if (record is null) return NotFound();
        Project = record.Project;
        Posts = record.Posts;
        LastEditedAt = record.LastEditedAt;
        Reference = await catalog.GetAsync(ct);
        if (editors.Current is { } editor)
        {
            IsEditor = true;
            MayEdit = await scope.MayEditProjectAsync(editor, id, ct);
            MayDelete = MayEdit && editor.Role != Atlas.Core.Accounts.EditorRole.AuthorityEditor;
        }
        return Page();
    }

    public IReadOnlyList<ProjectParticipant> ByRole(ParticipantRole role) =>
        Project.Participants.Where(p => p.Role == role && p.Name.Length > 0).ToList();

    /// <summary>The main theme and its ancestors, from the top level down.</summary>
    public IReadOnlyList<ThemeNode> MainThemePath =>
        Project.Themes.FirstOrDefault(t => t.IsMain) is { } main ? Reference.ThemePath(main.ThemeId).ToList() : [];

    public IReadOnlyList<(IReadOnlyList<ThemeNode> Path, int? Priority)> OtherThemes =>
        Project.Themes.Where(t => !t.IsMain)
            .OrderBy(t => t.Priority ?? int.MaxValue)
            .Select(t => ((IReadOnlyList<ThemeNode>)Reference.ThemePath(t.ThemeId).ToList(), t.Priority))
            .Where(t => t.Item1.Count > 0)
            .ToList();

    /// <summary>The labels the project's source gave its themes, or its partnership's themes when it has none of its own.</summary>
    public ThemeOrigins ThemeOrigins => ThemeOrigins.ForProject(Project, Reference);

    public IReadOnlyList<string> PartnerCountries =>
        Project.CountryCodes.Where(c => c != CountryCodes.France).Distinct().ToList();

    public IHtmlContent Money(decimal amount, string currency) =>
        Format.MoneyHtml(amount, currency, Reference.Currencies.GetValueOrDefault(currency.ToUpperInvariant()));

    public static string Sentence(bool value, string yes, string no) => value ? yes : no;
}
