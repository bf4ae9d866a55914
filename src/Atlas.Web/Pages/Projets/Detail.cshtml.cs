using Atlas.Core.Freshness;
using Microsoft.AspNetCore.Html;

namespace Atlas.Web.Pages.Projets;

/// <summary>/projets/{id}: a project's full public record ("fiche projet") and the embassy contacts of its countries.</summary>
public sealed class ProjetsDetailModel(ProjectRecordQuery records, ReferenceCatalog catalog, EditorAccessor editors, EditingScope scope, FreshnessRule freshness)
    : RecordPageModel(editors)
{
    /// <summary>A signed-in editor sees the history.</summary>
    /// <summary>The editor declares a new project as a draft for review (an authority editor) rather than publishing it.</summary>
    public bool DeclaresDrafts { get; private set; }
    /// <summary>Correspondents and administrators delete the projects they may edit; an authority's editor asks them.</summary>
    public bool MayDelete { get; private set; }
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<DiplomaticPost> Posts { get; private set; } = [];
    /// <summary>The last edit in the project's history; null for a record never edited since it was loaded.</summary>
    public DateTimeOffset? LastEditedAt { get; private set; }
    public ReferenceCatalog.Snapshot Reference { get; private set; } = null!;
    /// <summary>Whether the page says that nobody has confirmed the project for too long.</summary>
    public FreshnessNotice Freshness { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var record = await records.GetAsync(id, ct);
        if (record is null) return NotFound();
        Project = record.Project;
        Posts = record.Posts;
        LastEditedAt = record.LastEditedAt;
        Freshness = FreshnessNotice.Of(freshness, Project.ConfirmedAt);
        Reference = await catalog.GetAsync(ct);
        if (await EditorInScopeAsync(editor => scope.MayEditProjectAsync(editor, id, ct)) is { } editor)
        {
            DeclaresDrafts = Drafts.DeclaresDrafts(editor);
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

    /// <summary>
    /// Each participant once with all its roles, French side first, then by country, by its first role and by name. The
    /// two "partner" roles read the same on both sides (the country says which side).
    /// </summary>
    public IReadOnlyList<ProjectParty> Parties => Project.Participants.Where(p => p.Name.Length > 0)
        .GroupBy(p => (p.LocalAuthorityId, p.OrganisationId))
        .Select(g => new ProjectParty(g.First().Name, g.Key.LocalAuthorityId,
            g.First().LocalAuthority?.CountryCode ?? g.First().Organisation?.CountryCode,
            g.Select(p => p.Role).Distinct().Order().ToList()))
        .OrderBy(p => p.IsFrench ? 0 : 1).ThenBy(p => p.CountryCode is null ? "" : Reference.CountryName(p.CountryCode), StringComparer.Create(Format.French, true))
        .ThenBy(p => p.Roles[0]).ThenBy(p => p.Name, StringComparer.Create(Format.French, true))
        .ToList();

    public static string RoleLabel(ParticipantRole role) => role switch
    {
        ParticipantRole.ForeignPartner or ParticipantRole.FrenchPartner => "Collectivité partenaire",
        ParticipantRole.OtherPartnerFrance or ParticipantRole.OtherPartnerAbroad => "Autre partenaire",
        _ => Atlas.Core.Labels.Role(role),
    };

    /// <summary>The fundings' total in each currency, never converted: (currency, amount, its 1 % water part or null).</summary>
    public IReadOnlyList<(string Currency, decimal Amount, decimal? WaterLaw)> FundingTotals => Project.Fundings
        .GroupBy(f => f.CurrencyCode.ToUpperInvariant())
        .OrderBy(g => g.Key == "EUR" ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => (g.Key, g.Sum(f => f.Amount), g.Any(f => f.WaterLawAmount is not null) ? g.Sum(f => f.WaterLawAmount ?? 0) : (decimal?)null))
        .ToList();

    /// <summary>What was done for evaluation and communication: only what is, never a sentence about what is not.</summary>
    public IReadOnlyList<(string TestId, string Text)> FollowUps => new (string TestId, bool? Value, string Text)[]
        {
            ("field-communication-france", Project.CommunicationInFrance, "Une communication a été engagée en France."),
            ("field-communication-partner", Project.CommunicationInPartnerCountry, PartnerCountries.Count > 1 ? "Une communication a été engagée dans les pays partenaires." : "Une communication a été engagée dans le pays partenaire."),
            ("field-evaluation", Project.EvaluationPolicy, "Une politique d'évaluation a été engagée."),
        }
        .Where(f => f.Value == true).Select(f => (f.TestId, f.Text)).ToList();
}
