using Atlas.Core.Data;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Atlas.Web.Tests.Search;

/// <summary>The columns ProjectSearchIndex derives say what the base tables say, and a database indexed under the old theme rule is put right.</summary>
public sealed class ProjectSearchIndexTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_project_s_stored_places_authorities_and_themes_are_those_of_its_base_tables()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateDemoDatabaseAsync());
        await AssertStoredColumnsAreTheFactsAsync(db);
    }

    [Fact]
    public async Task Migrating_a_database_indexed_with_the_partnerships_themes_leaves_each_project_its_own()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await using var db = TestDatabase.CreateContext(connectionString);
        // As the index stored them before migration 0015: the partnership's themes (and their names) among the project's.
        var stale = await db.Database.ExecuteSqlRawAsync("""
            UPDATE projects p SET
                theme_ids = (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(p.theme_ids || s.themes) AS x),
                search_text = p.search_text || ' ' || s.names
            FROM (SELECT pa.partnership_id, array_agg(t.id) AS themes, string_agg(t.name, ' ') AS names
                  FROM partnership_themes pa JOIN themes t ON t.id = pa.theme_id GROUP BY pa.partnership_id) s
            WHERE s.partnership_id = p.partnership_id;
            DELETE FROM schema_migrations WHERE version IN ('0015', '0018');
            """, Ct);
        Assert.True(stale > 100, $"{stale} projects made stale: the demo data should give most projects a partnership with themes.");

        // 0015 computes the columns again as they were then; 0018 adds the countries of the organisations taking part.
        Assert.Equal(2, await SchemaMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct));

        await AssertStoredColumnsAreTheFactsAsync(db);
        // The migration computed what the index computed then. Since then 0017 added an authority's other names to the
        // search text: the index has those projects' text to complete, and nothing else to change.
        var withOtherNames = await db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM projects p
            WHERE p.deleted_at IS NULL AND (
                EXISTS (SELECT 1 FROM project_participants pp JOIN local_authorities a ON a.id = pp.local_authority_id
                        WHERE pp.project_id = p.id AND pp.deleted_at IS NULL AND cardinality(a.alternate_names) > 0)
             OR EXISTS (SELECT 1 FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
                        WHERE pa.partnership_id = p.partnership_id AND cardinality(a.alternate_names) > 0))
            """).SingleAsync(Ct);
        Assert.True(withOtherNames > 0, "The demo data should have projects reaching an authority with other names.");
        Assert.Equal(withOtherNames, await ProjectSearchIndex.RefreshAsync(db, null, Ct));
        Assert.Equal(0, await ProjectSearchIndex.RefreshAsync(db, null, Ct));
    }

    private static async Task AssertStoredColumnsAreTheFactsAsync(AtlasDbContext db)
    {
        var facts = await ProjectFacts.LoadAsync(db);
        var stored = await db.Projects.AsNoTracking()
            .Select(p => new { p.Id, p.CountryCodes, p.RegionCodes, p.DepartmentCodes, p.AuthorityIds, p.ThemeIds })
            .ToDictionaryAsync(p => p.Id, Ct);
        Assert.NotEmpty(facts.Projects);
        Assert.Contains(facts.Projects, p => p.Themes.Count > 0);
        foreach (var fact in facts.Projects)
        {
            var row = stored[fact.Id];
            Assert.Equal(fact.Countries.Order(StringComparer.Ordinal), row.CountryCodes.Order(StringComparer.Ordinal));
            Assert.Equal(fact.Regions.Order(StringComparer.Ordinal), row.RegionCodes.Order(StringComparer.Ordinal));
            Assert.Equal(fact.Departments.Order(StringComparer.Ordinal), row.DepartmentCodes.Order(StringComparer.Ordinal));
            Assert.Equal(fact.Authorities.Order(), row.AuthorityIds.Order());
            Assert.Equal(fact.Themes.Order(), row.ThemeIds.Order());
        }
    }
}
