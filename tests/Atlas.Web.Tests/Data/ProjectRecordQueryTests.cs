using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Atlas.Core.Authorities;
using Atlas.Core.Contacts;
using Atlas.Core.Data;
using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Fundings;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Data;

/// <summary>
/// The project record, read in one SQL statement, holds exactly what EF's includes and soft-delete filters load, for every
/// project of the demo data once some of every kind of related row has been deleted.
/// </summary>
public sealed class ProjectRecordQueryTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each statement soft-deletes one row that some project's record reaches (the demo data has no volunteer: two are added, one deleted).</summary>
    private static readonly string[] Deletions =
    [
        "UPDATE projects SET deleted_at = now() WHERE id = (SELECT min(id) FROM projects)",
        "UPDATE project_participants SET deleted_at = now() WHERE id = (SELECT min(id) FROM project_participants WHERE project_id = (SELECT project_id FROM project_participants GROUP BY project_id HAVING count(*) > 2 ORDER BY project_id LIMIT 1))",
        "UPDATE fundings SET deleted_at = now() WHERE id = (SELECT min(id) FROM fundings)",
        "UPDATE contacts SET deleted_at = now() WHERE id = (SELECT min(id) FROM contacts WHERE project_id IS NOT NULL)",
        "UPDATE contacts SET deleted_at = now() WHERE id = (SELECT min(id) FROM contacts WHERE diplomatic_post_id IS NOT NULL)",
        "INSERT INTO volunteers (project_id, last_name, first_name, mission) SELECT max(id), 'Diallo', 'Awa', 'Appui à la maîtrise d''ouvrage' FROM projects",
        "INSERT INTO volunteers (project_id, last_name, first_name, deleted_at) SELECT max(id), 'Martin', 'Léa', now() FROM projects",
        "UPDATE organisations SET deleted_at = now() WHERE id = (SELECT max(organisation_id) FROM project_participants)",
        "UPDATE organisations SET deleted_at = now() WHERE id = (SELECT max(funder_organisation_id) FROM fundings)",
        "UPDATE local_authorities SET deleted_at = now() WHERE id = (SELECT max(local_authority_id) FROM project_participants)",
        "UPDATE local_authorities SET deleted_at = now() WHERE id = (SELECT max(funder_authority_id) FROM fundings)",
        "UPDATE local_authorities SET deleted_at = now() WHERE id = (SELECT min(local_authority_id) FROM partnership_authorities WHERE partnership_id = (SELECT max(partnership_id) FROM projects))",
        "UPDATE partnerships SET deleted_at = now() WHERE id = (SELECT min(partnership_id) FROM projects)",
        "UPDATE diplomatic_posts SET deleted_at = now() WHERE id = (SELECT min(diplomatic_post_id) FROM diplomatic_post_countries WHERE country_code::text IN (SELECT unnest(country_codes) FROM projects))",
    ];

    private static readonly JsonSerializerOptions Graph = new()
    {
        WriteIndented = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutInverseNavigations } },
    };

    [Fact]
    public async Task The_one_statement_record_holds_what_the_entity_includes_and_their_soft_delete_filters_hold()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await using var db = TestDatabase.CreateContext(connectionString);
        foreach (var sql in Deletions)
        {
            Assert.True(await db.Database.ExecuteSqlRawAsync(sql, Ct) == 1, $"Deleted nothing: {sql}");
        }

        var ids = await db.Projects.IgnoreQueryFilters().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(Ct);
        var query = new ProjectRecordQuery(db);
        var compared = 0;
        foreach (var id in ids)
        {
            var expected = await IncludedAsync(db, id);
            var actual = await query.GetAsync(id, Ct);
            Assert.Equal(expected is null, actual is null);
            if (expected is null || actual is null) continue;
            Assert.Equal(Describe(expected), Describe(actual));
            compared++;
        }
        Assert.Equal(ids.Count - 1, compared);
    }

    /// <summary>The record as EF's includes load it, with its query filters.</summary>
    private static async Task<ProjectRecord?> IncludedAsync(AtlasDbContext db, int id)
    {
        var project = await db.Projects.AsNoTracking().AsSplitQuery()
            .Include(p => p.Partnership!).ThenInclude(pa => pa.Authorities).ThenInclude(a => a.LocalAuthority!).ThenInclude(a => a.Country)
            .Include(p => p.Partnership!).ThenInclude(pa => pa.Themes)
            .Include(p => p.Themes).ThenInclude(t => t.Theme)
            .Include(p => p.Participants).ThenInclude(pp => pp.LocalAuthority!).ThenInclude(a => a.Country)
            .Include(p => p.Participants).ThenInclude(pp => pp.Organisation)
            .Include(p => p.Fundings).ThenInclude(f => f.FunderAuthority)
            .Include(p => p.Fundings).ThenInclude(f => f.FunderOrganisation)
            .Include(p => p.Contacts).ThenInclude(c => c.LocalAuthority)
            .Include(p => p.Contacts).ThenInclude(c => c.Organisation)
            .Include(p => p.Volunteers)
            .FirstOrDefaultAsync(p => p.Id == id, Ct);
        if (project is null) return null;
        project.Participants = project.Participants.OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToList();
        if (project.Partnership is { } partnership) partnership.Themes = partnership.Themes.OrderBy(t => t.ThemeId).ToList();
        project.Fundings = project.Fundings.OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToList();
        project.Contacts = project.Contacts.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToList();
        var countries = project.CountryCodes;
        var posts = await db.DiplomaticPosts.AsNoTracking()
            .Include(p => p.Contacts.OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            .Include(p => p.Countries)
            .Where(p => p.Countries.Any(c => countries.Contains(c.CountryCode)))
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .ToListAsync(Ct);
        return new ProjectRecord(project, posts);
    }

    /// <summary>The whole graph as text, the collections whose order no page relies on put in a fixed order.</summary>
    private static string Describe(ProjectRecord record)
    {
        var p = record.Project;
        p.Themes = p.Themes.OrderBy(t => t.ThemeId).ToList();
        p.Volunteers = p.Volunteers.OrderBy(v => v.Id).ToList();
        if (p.Partnership is { } partnership) partnership.Authorities = partnership.Authorities.OrderBy(a => a.LocalAuthorityId).ToList();
        foreach (var post in record.Posts) post.Countries = post.Countries.OrderBy(c => c.CountryCode, StringComparer.Ordinal).ToList();
        return JsonSerializer.Serialize(new { p, record.Posts }, Graph);
    }

    /// <summary>EF also fills the way back (a line's project, an authority's partnerships); the record is read from the project down.</summary>
    private static void LeaveOutInverseNavigations(JsonTypeInfo type)
    {
        string[] inverse = type.Type.Name switch
        {
            nameof(ProjectParticipant) or nameof(Funding) or nameof(Volunteer) or nameof(ProjectTheme) => [nameof(Project)],
            nameof(Contact) => [nameof(Contact.Project), nameof(Contact.DiplomaticPost), nameof(Contact.Partnership)],
            nameof(PartnershipAuthority) => [nameof(PartnershipAuthority.Partnership)],
            nameof(LocalAuthority) => [nameof(LocalAuthority.Partnerships), nameof(LocalAuthority.Contacts)],
            nameof(DiplomaticPostCountry) => [nameof(DiplomaticPostCountry.DiplomaticPost)],
            nameof(Partnership) => [nameof(Partnership.Projects)],
            // Search columns, which the record does not carry.
            nameof(Project) => [nameof(Project.SearchText), nameof(Project.SearchVector)],
            _ => [],
        };
        foreach (var property in type.Properties.Where(p => inverse.Contains(p.Name)))
        {
            property.ShouldSerialize = (_, _) => false;
        }
    }
}
