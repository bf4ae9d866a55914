using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Core.Authorities;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Deletion;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Search;

/// <summary>
/// Every input of a project's search document, changed through each writer that changes it (the editing services the pages
/// and the API call, deletion, and a plain save for the names no service edits), is found at once by <c>q</c> on
/// <c>/api/v1/projects</c>: the save path keeps the search columns, so no writer can forget them.
/// </summary>
public sealed class SearchUpkeepTests(TestDatabase database) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private AtlasApp _app = null!;
    private Editor _admin = null!;

    public async ValueTask InitializeAsync()
    {
        // No output cache: the test reads right after each write, and tests the search columns, not the cache's freshness.
        _app = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:OutputCache:Enabled"] = "false" });
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        var user = new AtlasUser
        {
            UserName = "ada.admin", NormalizedUserName = "ADA.ADMIN", Email = "ada.admin@example.org", DisplayName = "Ada Admin",
            Role = EditorRole.Administrator, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        _admin = Editor.Of(user);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_text_field_of_a_project_saved_by_its_editing_is_found_by_q()
    {
        var project = await ProjectIdAsync("woippy--sale--developpement-social-quartiers");
        var (values, version) = await LoadProjectAsync(project);
        values.Title = "Zqtitre du projet";
        values.Objectives = "Zqobjectifs";
        values.Description = "Zqdescription";
        values.Context = "Zqcontexte";
        values.History = "Zqhistorique";
        values.Beneficiaries = "Zqbeneficiaires";
        Assert.IsType<EditResult.Saved>(await WithAsync<ProjectEditing, EditResult>(e => e.SaveAsync(_admin, project, version, values, Ct)));

        foreach (var word in new[] { "Zqtitre", "Zqobjectifs", "Zqdescription", "Zqcontexte", "Zqhistorique", "Zqbeneficiaires" })
            Assert.Equal([project], await SearchAsync(word));
    }

    [Fact]
    public async Task A_participant_and_a_theme_added_by_the_project_s_editing_and_a_participant_deleted_and_restored_follow_in_q()
    {
        var project = await ProjectIdAsync("woippy--sale--developpement-social-quartiers");
        var (organisation, theme) = await RenameAnOrganisationAndAThemeAsync(project, "Zqorganisme", "Zqthematique");
        Assert.DoesNotContain(project, await SearchAsync("Zqorganisme"));
        Assert.DoesNotContain(project, await SearchAsync("Zqthematique"));

        var (values, version) = await LoadProjectAsync(project);
        values.Participants!.Add(new ParticipantValues { OrganisationId = organisation, Role = "implementer" });
        values.Themes.Add(new ThemeChoice { ThemeId = theme });
        Assert.IsType<EditResult.Saved>(await WithAsync<ProjectEditing, EditResult>(e => e.SaveAsync(_admin, project, version, values, Ct)));
        Assert.Contains(project, await SearchAsync("Zqorganisme"));
        Assert.Contains(project, await SearchAsync("Zqthematique"));

        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        var participant = await db.ProjectParticipants.Where(p => p.ProjectId == project && p.OrganisationId == organisation).Select(p => p.Id).SingleAsync(Ct);
        Assert.IsType<DeletionResult.Done>(await WithAsync<RecordDeletion, DeletionResult>(d => d.DeleteAsync(_admin, RecordKind.Participant, participant, null, Ct)));
        Assert.DoesNotContain(project, await SearchAsync("Zqorganisme"));
        Assert.IsType<DeletionResult.Done>(await WithAsync<RecordDeletion, DeletionResult>(d => d.RestoreAsync(_admin, RecordKind.Participant, participant, Ct)));
        Assert.Contains(project, await SearchAsync("Zqorganisme"));
    }

    [Fact]
    public async Task A_renamed_organisation_and_a_relabelled_theme_saved_by_any_writer_find_the_projects_that_carry_them()
    {
        // No editing service renames them: a plain save, without an author, is the writer the save path must still follow.
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        var organisation = await db.ProjectParticipants.Where(p => p.OrganisationId != null).Select(p => p.OrganisationId!.Value).FirstAsync(Ct);
        var theme = await db.ProjectThemes.Select(t => t.ThemeId).FirstAsync(Ct);
        await RenameAsync(organisation, theme, "Zqrenomme", "Zqrelibelle");

        var withOrganisation = await db.ProjectParticipants.Where(p => p.OrganisationId == organisation).Select(p => p.ProjectId).Distinct().OrderBy(id => id).ToListAsync(Ct);
        // The theme's own projects and those of the themes below it, which carry its name as an ancestor's.
        var withTheme = await db.Database.SqlQuery<int>($"""
            SELECT DISTINCT pt.project_id AS "Value" FROM project_themes pt JOIN themes t ON t.id = pt.theme_id
            LEFT JOIN themes parent ON parent.id = t.parent_id
            WHERE t.id = {theme} OR t.parent_id = {theme} OR parent.parent_id = {theme}
            ORDER BY 1
            """).ToListAsync(Ct);
        Assert.NotEmpty(withOrganisation);
        Assert.NotEmpty(withTheme);
        Assert.Equal(withOrganisation, await SearchAsync("Zqrenomme"));
        Assert.Equal(withTheme, await SearchAsync("Zqrelibelle"));
    }

    [Fact]
    public async Task A_partnership_s_title_domains_and_new_authority_saved_by_its_editing_find_its_projects()
    {
        var partnership = await PartnershipIdAsync("woippy--sale");
        var created = Assert.IsType<EditResult.Created>(await WithAsync<AuthorityCreation, EditResult>(c => c.CreateAsync(_admin,
            new NewAuthority { CountryCode = "MA", Values = new AuthorityValues { Name = "Zqnouvelle commune", Kind = "commune-rurale" } }, Ct)));
        var (values, version) = await LoadPartnershipAsync(partnership);
        values.Title = "Zqaccord";
        values.Domains = "Zqdomaines";
        values.AuthorityIds.Add(created.Id);
        Assert.IsType<EditResult.Saved>(await WithAsync<PartnershipEditing, EditResult>(e => e.SaveAsync(_admin, partnership, version, values, Ct)));

        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        var projects = await db.Projects.Where(p => p.PartnershipId == partnership).Select(p => p.Id).OrderBy(id => id).ToListAsync(Ct);
        Assert.NotEmpty(projects);
        Assert.Equal(projects, await SearchAsync("Zqaccord"));
        Assert.Equal(projects, await SearchAsync("Zqdomaines"));
        Assert.Equal(projects, await SearchAsync("Zqnouvelle"));
    }

    [Fact]
    public async Task An_authority_renamed_by_its_editing_finds_the_projects_it_takes_part_in()
    {
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        var sale = await db.LocalAuthorities.Where(a => a.Key == "ma-commune-sale").Select(a => a.Id).SingleAsync(Ct);
        var authority = await db.LocalAuthorities.AsNoTracking().Include(a => a.Contacts).SingleAsync(a => a.Id == sale, Ct);
        var values = AuthorityValues.Of(authority);
        values.Name = "Zqville";
        Assert.IsType<EditResult.Saved>(await WithAsync<AuthorityEditing, EditResult>(e => e.SaveAsync(_admin, sale, authority.Version, values, Ct)));

        // Its projects: those it takes part in, and those of its partnerships.
        var projects = await db.Projects
            .Where(p => p.Participants.Any(pp => pp.LocalAuthorityId == sale) || db.PartnershipAuthorities.Any(pa => pa.PartnershipId == p.PartnershipId && pa.LocalAuthorityId == sale))
            .Select(p => p.Id).OrderBy(id => id).ToListAsync(Ct);
        Assert.NotEmpty(projects);
        Assert.Equal(projects, await SearchAsync("Zqville"));
    }

    [Fact]
    public async Task A_project_created_by_its_editing_is_found_by_q_at_once()
    {
        var partnership = await PartnershipIdAsync("woippy--sale");
        var (values, _) = await LoadProjectAsync(await ProjectIdAsync("woippy--sale--developpement-social-quartiers"));
        values.Title = "Zqcreation";
        foreach (var line in values.Fundings) line.Id = null;
        foreach (var line in values.Participants ?? []) line.Id = null;
        foreach (var line in values.Volunteers ?? []) line.Id = null;
        values.Contacts = null;
        var created = Assert.IsType<EditResult.Created>(await WithAsync<ProjectEditing, EditResult>(e => e.CreateAsync(_admin, partnership, values, Ct)));

        Assert.Equal([created.Id], await SearchAsync("Zqcreation"));
    }

    private async Task<(int Organisation, int Theme)> RenameAnOrganisationAndAThemeAsync(int project, string organisationName, string themeName)
    {
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        var organisation = await db.Organisations.Where(o => !db.ProjectParticipants.Any(p => p.ProjectId == project && p.OrganisationId == o.Id))
            .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct);
        // A leaf theme the project does not carry, so that neither it nor a theme below it is already the project's.
        var theme = await db.Themes.Where(t => !db.Themes.Any(c => c.ParentId == t.Id) && !db.ProjectThemes.Any(pt => pt.ProjectId == project && pt.ThemeId == t.Id))
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
        await RenameAsync(organisation, theme, organisationName, themeName);
        return (organisation, theme);
    }

    private async Task RenameAsync(int organisation, int theme, string organisationName, string themeName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        (await db.Organisations.SingleAsync(o => o.Id == organisation, Ct)).Name = organisationName;
        (await db.Themes.SingleAsync(t => t.Id == theme, Ct)).Name = themeName;
        await db.SaveChangesAsync(Ct);
    }

    private async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> write) where TService : notnull
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The ids of every project <c>q</c> finds, across pages.</summary>
    private async Task<List<int>> SearchAsync(string q)
    {
        using var client = _app.CreateApiClient();
        var ids = new List<int>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/projects?q={Uri.EscapeDataString(q)}&limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return [.. ids.Order()];
    }

    private async Task<int> ProjectIdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        return await db.Projects.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<int> PartnershipIdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        return await db.Partnerships.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<(ProjectValues Values, uint Version)> LoadProjectAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        var project = await db.Projects.AsNoTracking().WithEditableLines().SingleAsync(p => p.Id == id, Ct);
        return (ProjectValues.Of(project), project.Version);
    }

    private async Task<(PartnershipValues Values, uint Version)> LoadPartnershipAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        var partnership = await db.Partnerships.AsNoTracking().Include(p => p.Authorities).Include(p => p.Themes).Include(p => p.Contacts)
            .SingleAsync(p => p.Id == id, Ct);
        return (PartnershipValues.Of(partnership), partnership.Version);
    }
}
