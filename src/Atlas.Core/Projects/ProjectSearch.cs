using Atlas.Core.Data;
using Atlas.Core.Domain;
using Atlas.Core.Paging;
using Atlas.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Projects;

public sealed record AuthorityRef(int Id, string Name, string CountryCode);

public sealed record ProjectSummary(
    int Id, string Title, ProjectStatus Status, int? StartYear, int? EndYear, int? PartnershipId, string? PartnershipTitle,
    IReadOnlyList<string> CountryCodes, ThemeNode? MainTheme, IReadOnlyList<AuthorityRef> Authorities, DateTimeOffset UpdatedAt);

public sealed record FacetValue(string Value, string Label, int Count);

public sealed record ProjectFacets(
    IReadOnlyList<FacetValue> Countries, IReadOnlyList<FacetValue> Regions, IReadOnlyList<FacetValue> Themes,
    IReadOnlyList<FacetValue> Statuses);

public sealed record ProjectSearchResult(IReadOnlyList<ProjectSummary> Items, int Total, bool HasMore, ProjectFacets? Facets);

/// <summary>A numbered page of the portal's results.</summary>
public sealed record ProjectPage(int Limit, int Offset = 0);

/// <summary>The columns a project list reads and sorts on.</summary>
public sealed class ProjectRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public ProjectStatus Status { get; init; }
    public int? StartYear { get; init; }
    public int? EndYear { get; init; }
    public int? PartnershipId { get; init; }
    public string? PartnershipTitle { get; init; }
    public string[] CountryCodes { get; init; } = [];
    public int[] AuthorityIds { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }
    public int? MainThemeId { get; init; }
}

/// <summary>Finds projects by filter and full-text query, with facet counts; reads only the projects table's derived columns.</summary>
public sealed class ProjectSearch(AtlasDbContext db)
{
    private const string TextConfig = "french";

    /// <summary>The sorts a keyset-paged list of projects offers (the API, the exports).</summary>
    public static readonly IReadOnlyDictionary<string, SortField<ProjectRow>> Sorts = new Dictionary<string, SortField<ProjectRow>>
    {
        ["id"] = SortField.By<ProjectRow, int>("id", r => r.Id, r => r.Id),
        ["title"] = SortField.By<ProjectRow, string>("title", r => r.Title, r => r.Id),
        ["startYear"] = SortField.By<ProjectRow, int>("startYear", r => r.StartYear ?? 0, r => r.Id),
        ["updatedAt"] = SortField.By<ProjectRow, DateTimeOffset>("updatedAt", r => r.UpdatedAt, r => r.Id),
    };

    /// <summary>A numbered page of results, with facets: the portal's search.</summary>
    public async Task<ProjectSearchResult> SearchAsync(
        ProjectFilter filter, ProjectSort sort, ProjectPage page, bool withFacets, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var themeId = ThemeId(filter, reference);
        var matching = Apply(db.Projects.AsNoTracking(), filter, themeId, Dimension.None);
        var total = await matching.CountAsync(ct).ConfigureAwait(false);

        var rows = await Rows(Order(matching, filter, sort).Skip(page.Offset)).Take(page.Limit + 1).ToListAsync(ct).ConfigureAwait(false);
        var hasMore = rows.Count > page.Limit;
        if (hasMore) rows.RemoveAt(rows.Count - 1);

        var items = await SummariesAsync(rows, reference, ct).ConfigureAwait(false);
        var facets = withFacets ? await FacetsAsync(filter, themeId, reference, ct).ConfigureAwait(false) : null;
        return new ProjectSearchResult(items, total, hasMore, facets);
    }

    /// <summary>A keyset page of results in the requested order: the API's list.</summary>
    public async Task<KeysetPage<ProjectSummary>> ListAsync(ProjectFilter filter, ListRequest request, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var page = await Rows(Filtered(db, filter, reference)).PageAsync(Sorts, request, ct).ConfigureAwait(false);
        return new KeysetPage<ProjectSummary>(await SummariesAsync(page.Items, reference, ct).ConfigureAwait(false), page.Next, page.Total);
    }

    /// <summary>The projects a (validated) filter matches, unordered: what exports stream.</summary>
    public static IQueryable<Project> Filtered(AtlasDbContext db, ProjectFilter filter, ReferenceCatalog.Snapshot reference) =>
        Apply(db.Projects.AsNoTracking(), filter, ThemeId(filter, reference), Dimension.None);

    private static int? ThemeId(ProjectFilter filter, ReferenceCatalog.Snapshot reference) =>
        filter.Theme is null ? null : reference.ThemesByKey[filter.Theme].Id;

    private static IQueryable<ProjectRow> Rows(IQueryable<Project> projects) => projects.Select(p => new ProjectRow
    {
        Id = p.Id,
        Title = p.Title,
        Status = p.Status,
        StartYear = p.StartYear,
        EndYear = p.EndYear,
        PartnershipId = p.PartnershipId,
        PartnershipTitle = p.Partnership != null ? p.Partnership.Title : null,
        CountryCodes = p.CountryCodes,
        AuthorityIds = p.AuthorityIds,
        UpdatedAt = p.UpdatedAt,
        MainThemeId = p.Themes.Where(t => t.IsMain).Select(t => (int?)t.ThemeId).FirstOrDefault(),
    });

    /// <summary>The list items of the given projects, in the given order (e.g. a partnership's projects).</summary>
    public async Task<IReadOnlyList<ProjectSummary>> SummariesAsync(IQueryable<Project> projects, ReferenceCatalog.Snapshot reference, CancellationToken ct = default) =>
        await SummariesAsync(await Rows(projects).ToListAsync(ct).ConfigureAwait(false), reference, ct).ConfigureAwait(false);

    private async Task<List<ProjectSummary>> SummariesAsync(IReadOnlyList<ProjectRow> rows, ReferenceCatalog.Snapshot reference, CancellationToken ct)
    {
        var authorityIds = rows.SelectMany(r => r.AuthorityIds).Distinct().ToArray();
        var authorities = await db.LocalAuthorities.AsNoTracking().Where(a => authorityIds.Contains(a.Id))
            .Select(a => new AuthorityRef(a.Id, a.Name, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);

        return rows.Select(r => new ProjectSummary(
            r.Id, r.Title, r.Status, r.StartYear, r.EndYear, r.PartnershipId, r.PartnershipTitle, r.CountryCodes,
            r.MainThemeId is { } t ? reference.ThemesById.GetValueOrDefault(t) : null,
            r.AuthorityIds.Where(authorities.ContainsKey).Select(id => authorities[id])
                .OrderBy(a => a.CountryCode == Domain.Countries.France ? 0 : 1).ThenBy(a => a.Name, french).ToList(),
            r.UpdatedAt)).ToList();
    }

    private enum Dimension { None, Country, Region, Theme, Status }

    private static IQueryable<Project> Apply(IQueryable<Project> projects, ProjectFilter f, int? themeId, Dimension except)
    {
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var query = f.Query;
            projects = projects.Where(p => p.SearchVector!.Matches(EF.Functions.WebSearchToTsQuery(TextConfig, AtlasDbFunctions.Unaccent(query))));
        }
        if (f.Country is { } country && except != Dimension.Country) projects = projects.Where(p => p.CountryCodes.Contains(country));
        if (f.Region is { } region && except != Dimension.Region) projects = projects.Where(p => p.RegionCodes.Contains(region));
        if (f.Department is { } department) projects = projects.Where(p => p.DepartmentCodes.Contains(department));
        if (f.Authority is { } authority) projects = projects.Where(p => p.AuthorityIds.Contains(authority));
        if (themeId is { } theme && except != Dimension.Theme) projects = projects.Where(p => p.ThemeIds.Contains(theme));
        if (f.Status is { } status && except != Dimension.Status) projects = projects.Where(p => p.Status == status);
        if (f.YearFrom is { } from) projects = projects.Where(p => p.StartYear >= from);
        if (f.YearTo is { } to) projects = projects.Where(p => p.StartYear <= to);
        return projects;
    }

    private static IQueryable<Project> Order(IQueryable<Project> projects, ProjectFilter f, ProjectSort sort)
    {
        return sort switch
        {
            ProjectSort.Relevance when !string.IsNullOrWhiteSpace(f.Query) => projects
                .OrderByDescending(p => p.SearchVector!.Rank(EF.Functions.WebSearchToTsQuery(TextConfig, AtlasDbFunctions.Unaccent(f.Query!))))
                .ThenBy(p => p.Id),
            ProjectSort.StartYear => projects.OrderByDescending(p => p.StartYear).ThenBy(p => p.Id),
            ProjectSort.Updated => projects.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
            _ => projects.OrderBy(p => p.Title).ThenBy(p => p.Id),
        };
    }

    private async Task<ProjectFacets> FacetsAsync(ProjectFilter filter, int? themeId, ReferenceCatalog.Snapshot reference, CancellationToken ct)
    {
        var projects = db.Projects.AsNoTracking();
        var countries = await Apply(projects, filter, themeId, Dimension.Country)
            .SelectMany(p => p.CountryCodes).GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var regions = await Apply(projects, filter, themeId, Dimension.Region)
            .SelectMany(p => p.RegionCodes).GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var themes = await Apply(projects, filter, themeId, Dimension.Theme)
            .SelectMany(p => p.ThemeIds).GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var statuses = await Apply(projects, filter, themeId, Dimension.Status)
            .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);

        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);
        return new ProjectFacets(
            countries.Select(c => new FacetValue(c.Key, reference.CountryName(c.Key), c.Count)).OrderBy(v => v.Label, french).ToList(),
            regions.Select(r => new FacetValue(r.Key, reference.Regions.GetValueOrDefault(r.Key, r.Key), r.Count)).OrderBy(v => v.Label, french).ToList(),
            themes.Where(t => reference.ThemesById.ContainsKey(t.Key))
                .Select(t => (Node: reference.ThemesById[t.Key], t.Count))
                .OrderBy(t => string.Join('/', reference.ThemePath(t.Node.Id).Select(n => n.SortOrder.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))))
                .Select(t => new FacetValue(t.Node.Key, t.Node.Name, t.Count)).ToList(),
            statuses.OrderBy(s => s.Key).Select(s => new FacetValue(EnumCode<ProjectStatus>.ToCode(s.Key), Labels.Status(s.Key), s.Count)).ToList());
    }
}
