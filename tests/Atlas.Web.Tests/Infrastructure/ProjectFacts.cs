using System.Globalization;
using System.Text.RegularExpressions;
using Atlas.Core.Countries;
using Atlas.Core.Data;
using Atlas.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>
/// Each project as its base tables describe it (projects, project_participants, partnerships, partnership_authorities,
/// local_authorities, departments, project_themes, themes), read with EF and never from the columns Projects.ProjectSearchIndex
/// derives from them (country_codes, region_codes, department_codes, authority_ids, theme_ids, search_text, search_vector):
/// the expected answer of every test of a project list, filter, facet, count or map. A test that compared the app's output
/// with those columns only re-ran the code that fills them, which is how a theme filter returning the projects of any
/// partnership carrying the theme went unnoticed.
/// </summary>
internal sealed class ProjectFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Dictionary<string, ThemeRow> _themesByKey;

    private ProjectFacts(List<Project> projects, List<ThemeRow> themes)
    {
        Projects = projects;
        _themesByKey = themes.ToDictionary(t => t.Key, StringComparer.OrdinalIgnoreCase);
        ThemeKeys = themes.ToDictionary(t => t.Id, t => t.Key);
    }

    /// <summary>What a project is, by the rules the portal states: its authorities are its participants' and its partnership's.</summary>
    /// <param name="Countries">The countries of its foreign authorities and of the organisations abroad taking part (France is never a partner country).</param>
    /// <param name="Regions">The French regions of its authorities, a département's region for an authority placed by its département.</param>
    /// <param name="Departments">The départements of its authorities.</param>
    /// <param name="Themes">Its own themes (main or other) and their ancestors: never its partnership's.</param>
    public sealed record Project(
        int Id, string Title, ProjectStatus Status, int? StartYear, int? EndYear, DateTimeOffset UpdatedAt, int? PartnershipId,
        IReadOnlySet<int> Authorities, IReadOnlySet<string> Countries, IReadOnlySet<string> Regions, IReadOnlySet<string> Departments,
        IReadOnlySet<int> Themes);

    private sealed record ThemeRow(int Id, string Key, int? ParentId);

    /// <summary>Every project that is not deleted.</summary>
    public IReadOnlyList<Project> Projects { get; }

    /// <summary>The key of each theme, by id.</summary>
    public IReadOnlyDictionary<int, string> ThemeKeys { get; }

    public static async Task<ProjectFacts> LoadAsync(AtlasDbContext db)
    {
        var projects = await db.Projects.AsNoTracking()
            .Select(p => new { p.Id, p.Title, p.Status, p.StartYear, p.EndYear, p.UpdatedAt, p.PartnershipId }).ToListAsync(Ct);
        var participants = (await db.ProjectParticipants.AsNoTracking().Where(pp => pp.LocalAuthorityId != null)
            .Select(pp => new { pp.ProjectId, AuthorityId = pp.LocalAuthorityId!.Value }).ToListAsync(Ct))
            .ToLookup(l => l.ProjectId, l => l.AuthorityId);
        var partners = (await db.PartnershipAuthorities.AsNoTracking().Select(pa => new { pa.PartnershipId, pa.LocalAuthorityId }).ToListAsync(Ct))
            .ToLookup(l => l.PartnershipId, l => l.LocalAuthorityId);
        var authorities = await db.LocalAuthorities.AsNoTracking()
            .Select(a => new { a.Id, a.CountryCode, Region = a.RegionCode ?? a.Department!.RegionCode, a.DepartmentCode })
            .ToDictionaryAsync(a => a.Id, Ct);
        var organisationCountries = (await db.ProjectParticipants.AsNoTracking().Where(pp => pp.OrganisationId != null && pp.Organisation!.CountryCode != null)
            .Select(pp => new { pp.ProjectId, Code = pp.Organisation!.CountryCode! }).ToListAsync(Ct))
            .ToLookup(l => l.ProjectId, l => l.Code);
        var themes = await db.Themes.AsNoTracking().Select(t => new ThemeRow(t.Id, t.Key, t.ParentId)).ToListAsync(Ct);
        var parents = themes.ToDictionary(t => t.Id, t => t.ParentId);
        var projectThemes = (await db.ProjectThemes.AsNoTracking().Select(pt => new { pt.ProjectId, pt.ThemeId }).ToListAsync(Ct))
            .ToLookup(t => t.ProjectId, t => t.ThemeId);

        IEnumerable<int> WithAncestors(int theme)
        {
            for (int? id = theme; id is { } current; id = parents[current]) yield return current;
        }

        var facts = projects.Select(p =>
        {
            var linked = participants[p.Id].Concat(p.PartnershipId is { } pa ? partners[pa] : []).Where(authorities.ContainsKey)
                .Select(id => authorities[id]).ToList();
            return new Project(
                p.Id, p.Title, p.Status, p.StartYear, p.EndYear, p.UpdatedAt, p.PartnershipId,
                linked.Select(a => a.Id).ToHashSet(),
                linked.Select(a => a.CountryCode).Concat(organisationCountries[p.Id]).Where(c => c != CountryCodes.France).ToHashSet(StringComparer.Ordinal),
                linked.Select(a => a.Region).OfType<string>().ToHashSet(StringComparer.Ordinal),
                linked.Select(a => a.DepartmentCode).OfType<string>().ToHashSet(StringComparer.Ordinal),
                projectThemes[p.Id].SelectMany(WithAncestors).ToHashSet());
        }).ToList();
        return new ProjectFacts(facts, themes);
    }

    /// <summary>The theme's id, by its key (any case).</summary>
    public int ThemeId(string key) => _themesByKey[key].Id;

    /// <summary>
    /// The projects a query of the projects API (its parameter names; sort, limit and cursor ignored) finds, by the stated rule of
    /// each filter. Every filter but <c>q</c> is read from the facts; <c>q</c> from the texts, by <see cref="FindingWordsAsync"/>.
    /// </summary>
    public async Task<List<Project>> MatchingAsync(AtlasDbContext db, string query, string? except = null)
    {
        IEnumerable<Project> projects = Projects;
        foreach (var (name, value) in ApiLists.Parameters(query).Where(p => p.Name != except))
        {
            switch (name)
            {
                case "q":
                    var found = await FindingWordsAsync(db, value);
                    projects = projects.Where(p => found.Contains(p.Id));
                    break;
                case "country":
                    projects = projects.Where(p => p.Countries.Contains(value.ToUpperInvariant()));
                    break;
                case "region":
                    projects = projects.Where(p => p.Regions.Contains(value));
                    break;
                case "department":
                    projects = projects.Where(p => p.Departments.Contains(value.ToUpperInvariant()));
                    break;
                case "authority":
                    var authority = int.Parse(value, CultureInfo.InvariantCulture);
                    projects = projects.Where(p => p.Authorities.Contains(authority));
                    break;
                case "theme":
                    // A theme's projects carry it or one of its sub-themes themselves: Themes holds every ancestor of their own.
                    var theme = ThemeId(value);
                    projects = projects.Where(p => p.Themes.Contains(theme));
                    break;
                case "status":
                    var status = EnumCode<ProjectStatus>.Parse(value);
                    projects = projects.Where(p => p.Status == status);
                    break;
                case "yearFrom":
                    var from = int.Parse(value, CultureInfo.InvariantCulture);
                    projects = projects.Where(p => p.StartYear >= from);
                    break;
                case "yearTo":
                    var to = int.Parse(value, CultureInfo.InvariantCulture);
                    projects = projects.Where(p => p.StartYear <= to);
                    break;
                case "sort" or "limit" or "cursor":
                    break;
                default:
                    throw new ArgumentException($"No rule for the parameter {name}.", nameof(query));
            }
        }
        return projects.ToList();
    }

    /// <summary>The ids <see cref="MatchingAsync"/> finds, checked not to be empty: an equality of two empty sets proves nothing.</summary>
    public async Task<List<int>> ExpectedIdsAsync(AtlasDbContext db, string query)
    {
        var ids = (await MatchingAsync(db, query)).Select(p => p.Id).Order().ToList();
        Assert.True(ids.Count > 0, $"Nothing in the demo data matches {query}: the test would prove nothing.");
        return ids;
    }

    /// <summary>
    /// What each value of a facet counts: the projects the query finds once the facet's own filter is left out, by value
    /// (country and region codes, theme keys with every ancestor, status codes).
    /// </summary>
    public async Task<Dictionary<string, int>> FacetAsync(AtlasDbContext db, string query, string facet)
    {
        var projects = await MatchingAsync(db, query, except: facet);
        IEnumerable<string> Values(Project p) => facet switch
        {
            "country" => p.Countries,
            "region" => p.Regions,
            "department" => p.Departments,
            "theme" => p.Themes.Select(t => ThemeKeys[t]),
            "status" => [EnumCode<ProjectStatus>.ToCode(p.Status)],
            _ => throw new ArgumentException($"No facet {facet}.", nameof(facet)),
        };
        return projects.SelectMany(Values).CountBy(v => v).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    /// <summary>How many projects each value counts, over every project (country, region, department codes, theme keys).</summary>
    public Dictionary<string, int> CountBy(Func<Project, IEnumerable<string>> values) =>
        Projects.SelectMany(values).CountBy(v => v).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    /// <summary>
    /// The projects whose texts hold, for every word of <paramref name="words"/>, a word that is that word or starts with it,
    /// accents and case ignored (a regular expression on word starts, \m, over the base tables): their own texts, their
    /// partnership's title and domains, the names and other names of their authorities (participants' and partnership's) with
    /// those authorities' countries and départements, of their organisations, and of their own themes with their ancestors.
    /// </summary>
    /// <remarks>
    /// The search reads PostgreSQL's text-search tokens; this reads runs of letters and digits. The two agree on words that
    /// never sit inside a token the parser reads whole (a file path such as "Education/jeunesse", a host name, a signed
    /// number): the words the tests search for are such words. French stop words (de, la, pas…) are not searched for.
    /// A single letter matches itself only, as the search asks for it.
    /// </remarks>
    public static async Task<HashSet<int>> FindingWordsAsync(AtlasDbContext db, string words)
    {
        HashSet<int>? found = null;
        foreach (var word in Regex.Split(words, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0))
        {
            var folded = ApiLists.Fold(word);
            var pattern = folded.Length == 1 ? $@"\m{folded}\M" : $@"\m{folded}";
            var ids = await db.Database.SqlQuery<int>($"""
                SELECT p.id AS "Value"
                FROM projects p
                WHERE p.deleted_at IS NULL AND atlas_unaccent(concat_ws(' ',
                    p.title, p.objectives, p.description, p.context, p.history, p.beneficiaries,
                    (SELECT concat_ws(' ', pa.title, pa.domains) FROM partnerships pa WHERE pa.id = p.partnership_id),
                    (SELECT string_agg(concat_ws(' ', a.name, array_to_string(a.alternate_names, ' '), c.name, d.name), ' ')
                     FROM local_authorities a JOIN countries c ON c.code = a.country_code LEFT JOIN departments d ON d.code = a.department_code
                     WHERE a.id IN (SELECT pp.local_authority_id FROM project_participants pp WHERE pp.project_id = p.id AND pp.deleted_at IS NULL)
                        OR a.id IN (SELECT pa.local_authority_id FROM partnership_authorities pa WHERE pa.partnership_id = p.partnership_id)),
                    (SELECT string_agg(o.name, ' ') FROM project_participants pp JOIN organisations o ON o.id = pp.organisation_id
                     WHERE pp.project_id = p.id AND pp.deleted_at IS NULL),
                    (SELECT string_agg(concat_ws(' ', t.name, parent.name, grand.name), ' ')
                     FROM project_themes pt JOIN themes t ON t.id = pt.theme_id
                          LEFT JOIN themes parent ON parent.id = t.parent_id LEFT JOIN themes grand ON grand.id = parent.parent_id
                     WHERE pt.project_id = p.id)
                )) ~* {pattern}
                """).ToListAsync(Ct);
            found = found is null ? ids.ToHashSet() : found.Intersect(ids).ToHashSet();
        }
        return found ?? [];
    }
}
