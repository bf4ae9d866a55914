using Atlas.Core.Data;
using Atlas.Core.Domain;
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

/// <summary>Where a page of results starts: an offset (the portal's numbered pages) or after a project id (the API's keyset cursor).</summary>
public sealed record ProjectPage(int Limit, int Offset = 0, int? AfterId = null);

/// <summary>Finds projects by filter and full-text query, with facet counts; reads only the projects table's derived columns.</summary>
public sealed class ProjectSearch(AtlasDbContext db)
{
    private const string TextConfig = "french";

    public async Task<ProjectSearchResult> SearchAsync(
        ProjectFilter filter, ProjectSort sort, ProjectPage page, bool withFacets, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var themeId = filter.Theme is null ? (int?)null : reference.ThemesByKey[filter.Theme].Id;
        var matching = Apply(db.Projects.AsNoTracking(), filter, themeId, Dimension.None);
        var total = await matching.CountAsync(ct).ConfigureAwait(false);

        var ordered = Order(matching, filter, sort, page.AfterId is not null);
        if (page.AfterId is { } afterId) ordered = ordered.Where(p => p.Id > afterId);
        else if (page.Offset > 0) ordered = ordered.Skip(page.Offset);

        var rows = await ordered.Take(page.Limit + 1)
            .Select(p => new
            {
                p.Id, p.Title, p.Status, p.StartYear, p.EndYear, p.PartnershipId,
                PartnershipTitle = p.Partnership != null ? p.Partnership.Title : null,
                p.CountryCodes, p.AuthorityIds, p.UpdatedAt,
                MainThemeId = p.Themes.Where(t => t.IsMain).Select(t => (int?)t.ThemeId).FirstOrDefault(),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        var hasMore = rows.Count > page.Limit;
        if (hasMore) rows.RemoveAt(rows.Count - 1);

        var authorityIds = rows.SelectMany(r => r.AuthorityIds).Distinct().ToArray();
        var authorities = await db.LocalAuthorities.AsNoTracking().Where(a => authorityIds.Contains(a.Id))
            .Select(a => new AuthorityRef(a.Id, a.Name, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);

        var items = rows.Select(r => new ProjectSummary(
            r.Id, r.Title, r.Status, r.StartYear, r.EndYear, r.PartnershipId, r.PartnershipTitle, r.CountryCodes,
            r.MainThemeId is { } t ? reference.ThemesById.GetValueOrDefault(t) : null,
            r.AuthorityIds.Where(authorities.ContainsKey).Select(id => authorities[id])
                .OrderBy(a => a.CountryCode == Domain.Countries.France ? 0 : 1).ThenBy(a => a.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList(),
            r.UpdatedAt)).ToList();

        var facets = withFacets ? await FacetsAsync(filter, themeId, reference, ct).ConfigureAwait(false) : null;
        return new ProjectSearchResult(items, total, hasMore, facets);
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

    private static IQueryable<Project> Order(IQueryable<Project> projects, ProjectFilter f, ProjectSort sort, bool keyset)
    {
        // Keyset pages follow the id, the one order in which "after this id" means the same on every page.
        if (keyset) return projects.OrderBy(p => p.Id);
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
