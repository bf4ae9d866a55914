using Atlas.Core.Countries;
using Atlas.Core.Data;
using Atlas.Core.Data.Seeding;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Deletion;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Atlas.Web.Tests.Editing;

/// <summary>Soft deletion and restoration: who may, what goes along, what blocks, what the public and the history see, on a real database.</summary>
public sealed class RecordDeletionTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deleted_project_leaves_search_and_lists_with_its_lines_and_an_administrator_restores_it_whole()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var before = await CountsAsync(h, h.TyrProject);
        Assert.True(before.Fundings > 0);
        var lebanon = await LebanonProjectsAsync(h);
        var facetKeys = await FacetKeysAsync(h, h.TyrProject);
        var searches = new Dictionary<string, SearchOutcome>(StringComparer.Ordinal);
        foreach (var (name, filter) in Searches)
        {
            var outcome = await SearchAsync(h, filter);
            // Every search finds the project before its deletion (the whole atlas is too long a list to hold it on one page).
            Assert.True(filter.IsEmpty || outcome.Ids.Contains(h.TyrProject), $"{name} does not find the project before its deletion.");
            Assert.All(facetKeys, key => Assert.Contains(outcome.Facets, f => f.Key == key));
            searches[name] = outcome;
        }

        Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.Administrator, RecordKind.Project, h.TyrProject));

        // Gone from the results, their totals and every facet it counted in (the stored counts over the whole atlas included).
        foreach (var (name, filter) in Searches)
        {
            var outcome = await SearchAsync(h, filter);
            Assert.DoesNotContain(h.TyrProject, outcome.Ids);
            Assert.Equal((name, searches[name].Total - 1), (name, outcome.Total));
            Assert.Equal(Without(searches[name].Facets, facetKeys), outcome.Facets);
        }

        await using (var db = TestDatabase.CreateContext(h.ConnectionString))
        {
            Assert.False(await db.Projects.AnyAsync(p => p.Id == h.TyrProject, Ct));
            Assert.False(await db.Fundings.AnyAsync(f => f.ProjectId == h.TyrProject, Ct));
            Assert.False(await db.ProjectThemes.AnyAsync(t => t.ProjectId == h.TyrProject, Ct));
            var stored = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == h.TyrProject, Ct);
            Assert.NotNull(stored.DeletedAt);
            Assert.All(await db.Fundings.IgnoreQueryFilters().Where(f => f.ProjectId == h.TyrProject).ToListAsync(Ct),
                f => Assert.Equal(stored.DeletedAt, f.DeletedAt));
        }
        Assert.Equal(lebanon - 1, await LebanonProjectsAsync(h));

        var history = await h.HistoryAsync(h.TyrProject);
        Assert.Contains(history, r => r.EntityType == "project" && r.Action == ChangeAction.Deleted && r.UserName == h.Administrator.Name);
        Assert.Contains(history, r => r.EntityType == "funding" && r.Action == ChangeAction.Deleted);

        Assert.IsType<DeletionResult.Done>(await RestoreAsync(h, h.Administrator, RecordKind.Project, h.TyrProject));
        Assert.Equal(before, await CountsAsync(h, h.TyrProject));
        Assert.Contains(await h.HistoryAsync(h.TyrProject), r => r.EntityType == "project" && r.Action == ChangeAction.Restored);
        Assert.Equal(lebanon, await LebanonProjectsAsync(h));
        foreach (var (name, filter) in Searches)
        {
            var outcome = await SearchAsync(h, filter);
            Assert.Equal((name, searches[name].Total), (name, outcome.Total));
            Assert.Equal(searches[name].Ids, outcome.Ids);
            Assert.Equal(searches[name].Facets, outcome.Facets);
        }
    }

    [Fact]
    public async Task Loading_the_demo_data_again_brings_back_no_deleted_record()
    {
        await using var h = await EditingHarness.StartAsync(database);
        Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.Administrator, RecordKind.Project, h.TyrProject));

        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var result = await new DemoDataLoader(db, NullLogger<DemoDataLoader>.Instance).LoadAsync(includeDemo: true, Ct);
        Assert.False(result.AddedAnything);
        Assert.False(await db.Projects.AnyAsync(p => p.Id == h.TyrProject, Ct));
    }

    [Fact]
    public async Task Only_correspondents_in_scope_and_administrators_delete_projects_and_only_administrators_restore()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var snapshot = await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject);
        Assert.IsType<DeletionResult.Forbidden>(await DeleteAsync(h, h.BeirutCorrespondent, RecordKind.Project, h.WoippySaleProject));
        Assert.IsType<DeletionResult.Forbidden>(await DeleteAsync(h, h.WoippyEditor, RecordKind.Project, h.WoippySaleProject));
        Assert.Equal(snapshot, await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject));

        Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.RabatCorrespondent, RecordKind.Project, h.WoippySaleProject));
        Assert.IsType<DeletionResult.NotFound>(await DeleteAsync(h, h.RabatCorrespondent, RecordKind.Project, h.WoippySaleProject));
        Assert.IsType<DeletionResult.Forbidden>(await RestoreAsync(h, h.RabatCorrespondent, RecordKind.Project, h.WoippySaleProject));
        Assert.IsType<DeletionResult.Done>(await RestoreAsync(h, h.Administrator, RecordKind.Project, h.WoippySaleProject));
        Assert.IsType<DeletionResult.NotFound>(await RestoreAsync(h, h.Administrator, RecordKind.Project, h.WoippySaleProject));
    }

    [Fact]
    public async Task A_deletion_from_an_older_version_is_a_conflict_naming_the_change()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        values.Title = "Changé entre-temps";
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, version, values));

        var conflict = Assert.IsType<DeletionResult.Conflict>(await DeleteAsync(h, h.BeirutCorrespondent, RecordKind.Project, h.TyrProject, version));
        Assert.Contains("title", conflict.Changes.Fields);
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        Assert.True(await db.Projects.AnyAsync(p => p.Id == h.TyrProject, Ct));
    }

    [Fact]
    public async Task What_others_depend_on_is_not_deleted_and_the_editor_is_told_what_to_do_first()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var partnership = Assert.IsType<DeletionResult.Blocked>(await DeleteAsync(h, h.Administrator, RecordKind.Partnership, h.TyrPartnership));
        Assert.Contains("supprimez-les d'abord", partnership.Message, StringComparison.Ordinal);
        var authority = Assert.IsType<DeletionResult.Blocked>(await DeleteAsync(h, h.Administrator, RecordKind.Authority, h.Sale));
        Assert.Contains("retirez-la d'abord", authority.Message, StringComparison.Ordinal);
        Assert.IsType<DeletionResult.Forbidden>(await DeleteAsync(h, h.RabatCorrespondent, RecordKind.Authority, h.Sale));

        // Once its projects are gone, the partnership goes; a project is not restored into a deleted partnership.
        await using (var db = TestDatabase.CreateContext(h.ConnectionString))
        {
            foreach (var project in await db.Projects.Where(p => p.PartnershipId == h.TyrPartnership).Select(p => p.Id).ToListAsync(Ct))
                Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.BeirutCorrespondent, RecordKind.Project, project));
        }
        Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.BeirutCorrespondent, RecordKind.Partnership, h.TyrPartnership));
        var orphan = Assert.IsType<DeletionResult.Blocked>(await RestoreAsync(h, h.Administrator, RecordKind.Project, h.TyrProject));
        Assert.Contains("son partenariat", orphan.Message, StringComparison.Ordinal);
        await using (var db = TestDatabase.CreateContext(h.ConnectionString))
            Assert.False(await db.PartnershipAuthorities.AnyAsync(pa => pa.PartnershipId == h.TyrPartnership, Ct));
        Assert.IsType<DeletionResult.Done>(await RestoreAsync(h, h.Administrator, RecordKind.Partnership, h.TyrPartnership));
        Assert.IsType<DeletionResult.Done>(await RestoreAsync(h, h.Administrator, RecordKind.Project, h.TyrProject));
    }

    [Fact]
    public async Task A_record_is_not_restored_naming_an_authority_deleted_since_and_comes_back_once_it_is_restored()
    {
        await using var h = await EditingHarness.StartAsync(database);
        int jezzine;
        await using (var db = TestDatabase.CreateContext(h.ConnectionString))
            jezzine = await db.LocalAuthorities.Where(a => a.Key == "lb-union-municipalites-jezzine").Select(a => a.Id).SingleAsync(Ct);

        // Jezzine takes part in the Tyr project only: once the project is deleted nothing live names it, and it goes too.
        Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.Administrator, RecordKind.Project, h.TyrProject));
        Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.Administrator, RecordKind.Authority, jezzine));
        var project = Assert.IsType<DeletionResult.Blocked>(await RestoreAsync(h, h.Administrator, RecordKind.Project, h.TyrProject));
        Assert.Contains("restaurez-la d'abord", project.Message, StringComparison.Ordinal);

        // Likewise a partnership whose foreign authority went once the partnership was deleted.
        await using (var db = TestDatabase.CreateContext(h.ConnectionString))
        {
            foreach (var other in await db.Projects.Where(p => p.PartnershipId == h.TyrPartnership).Select(p => p.Id).ToListAsync(Ct))
                Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.Administrator, RecordKind.Project, other));
        }
        Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.Administrator, RecordKind.Partnership, h.TyrPartnership));
        Assert.IsType<DeletionResult.Done>(await DeleteAsync(h, h.Administrator, RecordKind.Authority, h.Tyr));
        Assert.IsType<DeletionResult.Blocked>(await RestoreAsync(h, h.Administrator, RecordKind.Partnership, h.TyrPartnership));

        Assert.IsType<DeletionResult.Done>(await RestoreAsync(h, h.Administrator, RecordKind.Authority, h.Tyr));
        Assert.IsType<DeletionResult.Done>(await RestoreAsync(h, h.Administrator, RecordKind.Partnership, h.TyrPartnership));
        Assert.IsType<DeletionResult.Done>(await RestoreAsync(h, h.Administrator, RecordKind.Authority, jezzine));
        Assert.IsType<DeletionResult.Done>(await RestoreAsync(h, h.Administrator, RecordKind.Project, h.TyrProject));
    }

    [Fact]
    public async Task A_funding_line_removed_from_the_form_is_restored_by_an_administrator()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        var removed = values.Fundings[0];
        values.Fundings.RemoveAt(0);
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, version, values));
        Assert.DoesNotContain((await h.LoadProjectAsync(h.TyrProject)).Values.Fundings, f => f.Id == removed.Id);

        Assert.IsType<DeletionResult.Done>(await RestoreAsync(h, h.Administrator, RecordKind.Funding, removed.Id!.Value));
        Assert.Contains((await h.LoadProjectAsync(h.TyrProject)).Values.Fundings, f => f.Id == removed.Id && f.Amount == removed.Amount);
    }

    /// <summary>
    /// Searches that find the Tyr project, each counting its totals and facets another way: over the whole atlas (from the
    /// stored counts), by words of its title (counted on the matches), and by its country (the country facet from the stored
    /// counts, the others on the matches).
    /// </summary>
    private static readonly (string Name, ProjectFilter Filter)[] Searches =
    [
        ("the whole atlas", new ProjectFilter()),
        ("its title's words", new ProjectFilter { Query = "digitalcoop méditerranée" }),
        ("its country", new ProjectFilter { Country = "LB" }),
    ];

    /// <summary>What a search answers: the ids listed, the total and each facet value's count ("country:LB"), in key order.</summary>
    private sealed record SearchOutcome(List<int> Ids, int Total, List<KeyValuePair<string, int>> Facets);

    /// <summary>The portal's search, as its page runs it: one page of 100 by relevance, with facets.</summary>
    private static Task<SearchOutcome> SearchAsync(EditingHarness h, ProjectFilter filter) => h.WithAsync(async sp =>
    {
        var reference = await sp.GetRequiredService<ReferenceCatalog>().GetAsync(Ct);
        var result = await sp.GetRequiredService<ProjectSearch>().SearchAsync(filter, ProjectSort.Relevance, new ProjectPage(100), withFacets: true, reference, Ct);
        Assert.True(result.TotalIsExact);
        var facets = result.Facets!;
        var counts = facets.Countries.Select(v => ("country:" + v.Value, v))
            .Concat(facets.Regions.Select(v => ("region:" + v.Value, v)))
            .Concat(facets.Themes.Select(v => ("theme:" + v.Value, v)))
            .Concat(facets.Statuses.Select(v => ("status:" + v.Value, v)))
            .ToDictionary(f => f.Item1, f => f.v.Count);
        return new SearchOutcome([.. result.Items.Select(i => i.Id).Order()], result.Total, Sorted(counts));
    });

    /// <summary>The facet values a project counts in: its countries, French regions, themes (with their parents) and status.</summary>
    private static async Task<List<string>> FacetKeysAsync(EditingHarness h, int project)
    {
        var reference = await h.WithAsync(sp => sp.GetRequiredService<ReferenceCatalog>().GetAsync(Ct).AsTask());
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var row = await db.Projects.Where(p => p.Id == project).Select(p => new { p.CountryCodes, p.RegionCodes, p.ThemeIds, p.Status }).SingleAsync(Ct);
        return [.. row.CountryCodes.Select(c => "country:" + c), .. row.RegionCodes.Select(r => "region:" + r),
            .. row.ThemeIds.Select(t => "theme:" + reference.ThemesById[t].Key), "status:" + EnumCode<ProjectStatus>.ToCode(row.Status)];
    }

    /// <summary>The facet counts less one project in each of <paramref name="keys"/>; a value no project has any more is not listed.</summary>
    private static List<KeyValuePair<string, int>> Without(List<KeyValuePair<string, int>> facets, List<string> keys) =>
        Sorted(facets.Select(f => (f.Key, Count: f.Value - keys.Count(k => k == f.Key))).Where(f => f.Count > 0).ToDictionary(f => f.Key, f => f.Count));

    private static List<KeyValuePair<string, int>> Sorted(Dictionary<string, int> counts) => [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>The count of projects the country list gives Lebanon (its SQL reads the tables itself).</summary>
    private static Task<int> LebanonProjectsAsync(EditingHarness h) =>
        h.WithAsync(sp => sp.GetRequiredService<CountryList>().All().Where(c => c.Code == "LB").Select(c => c.Projects).SingleAsync(Ct));

    private static Task<DeletionResult> DeleteAsync(EditingHarness h, Editor editor, RecordKind kind, int id, uint? version = null) =>
        h.WithAsync(sp => sp.GetRequiredService<RecordDeletion>().DeleteAsync(editor, kind, id, version, Ct));

    private static Task<DeletionResult> RestoreAsync(EditingHarness h, Editor editor, RecordKind kind, int id) =>
        h.WithAsync(sp => sp.GetRequiredService<RecordDeletion>().RestoreAsync(editor, kind, id, Ct));

    private static async Task<(int Fundings, int Participants, int Themes, string Title)> CountsAsync(EditingHarness h, int project)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        return (await db.Fundings.CountAsync(f => f.ProjectId == project, Ct), await db.ProjectParticipants.CountAsync(p => p.ProjectId == project, Ct),
            await db.ProjectThemes.CountAsync(t => t.ProjectId == project, Ct), await db.Projects.Where(p => p.Id == project).Select(p => p.Title).SingleAsync(Ct));
    }
}
