using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Atlas.Core.Authorities;
using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Organisations;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Api;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// The matrix's cells for creating, deleting and restoring records. Each cell creates in, or deletes a record made for it (a project or a partnership in Morocco,
/// in the Rabat correspondent's scope and out of the Beirut one's, with nothing depending on it; an authority, an organisation
/// or a post used nowhere), so that cells never share a target.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private const string ProjectDelete = "POST /supprimer/projet/{id}";
    private const string AuthorityDelete = "POST /supprimer/collectivite/{id}";
    private const string Restore = "POST /admin/corbeille?handler=Restaurer";
    private const string ProjectCreate = "POST /projets/nouveau?partenariat={id}";
    private const string AuthorityCreate = "POST /collectivites/nouvelle";
    private const string PartnershipCreate = "POST /partenariats/nouveau";
    private const string PostCreate = "POST /postes/nouveau";

    private static readonly (string Case, string Handler)[] DeletionPageHandlers =
    [
        (ProjectDelete, "Supprimer.SupprimerIndexModel.OnPostAsync"),
        (AuthorityDelete, "Supprimer.SupprimerIndexModel.OnPostAsync"),
        (Restore, "Admin.Corbeille.AdminCorbeilleIndexModel.OnPostRestaurerAsync"),
        (ProjectCreate, "Projets.ProjetsModifierModel.OnPostAsync"),
        (AuthorityCreate, "Collectivites.NouvelleModel.OnPostAsync"),
        (PartnershipCreate, "Partenariats.PartenariatsModifierModel.OnPostAsync"),
        (PostCreate, "Postes.PostesModifierModel.OnPostAsync"),
    ];

    private const string RestoreApi = "POST /api/v1/deleted-records/{kind}/{id:int}/restore";
    private static readonly string[] DeletionApiEndpoints =
    [
        "DELETE /api/v1/projects/{id:int}", "DELETE /api/v1/partnerships/{id:int}", "DELETE /api/v1/authorities/{id:int}",
        "DELETE /api/v1/organisations/{id:int}", "DELETE /api/v1/diplomatic-posts/{id:int}", RestoreApi, ProjectCreateApi,
        PartnershipCreateApi, AuthorityCreateApi, PostCreateApi,
    ];
    private const string PostCreateApi = "POST /api/v1/diplomatic-posts";
    private const string ProjectCreateApi = "POST /api/v1/partnerships/{id:int}/projects";
    private const string PartnershipCreateApi = "POST /api/v1/partnerships";
    private const string AuthorityCreateApi = "POST /api/v1/authorities";

    public static TheoryData<string, Caller> DeletionPageCells => Cells(DeletionPageHandlers.Select(h => h.Case));
    public static TheoryData<string, Caller> DeletionApiCells => Cells(DeletionApiEndpoints);

    /// <summary>The confirmation pages that lead to <see cref="ProjectDelete"/> and <see cref="AuthorityDelete"/>.</summary>
    private const string ProjectDeleteConfirmation = "GET /supprimer/projet/{id}";
    private const string AuthorityDeleteConfirmation = "GET /supprimer/collectivite/{id}";
    public static TheoryData<string, Caller> DeletionConfirmationCells => Cells([ProjectDeleteConfirmation, AuthorityDeleteConfirmation]);

    /// <summary>The confirmation page answers as its POST would: whoever may not delete the record is refused before seeing the form.</summary>
    [Theory]
    [MemberData(nameof(DeletionConfirmationCells))]
    public async Task Deletion_confirmation_page(string page, Caller caller)
    {
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var url = page == ProjectDeleteConfirmation ? $"/supprimer/projet/{await NewProjectAsync("MA")}" : $"/supprimer/collectivite/{await NewAuthorityAsync()}";

        var answer = await browser.GetAsync(url, followRedirects: false);

        var allowed = caller == Caller.Administrator || page == ProjectDeleteConfirmation && caller == Caller.InScope;
        if (caller == Caller.Anonymous) AssertSignInAsked(answer);
        else if (!allowed)
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            Assert.NotNull(answer.TestIdOrNull("access-denied"));
            Assert.Null(answer.TestIdOrNull("delete-form"));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.NotNull(answer.TestIdOrNull("delete-form"));
        }
    }

    [Theory]
    [MemberData(nameof(DeletionPageCells))]
    public async Task Deletion_page_handler(string handler, Caller caller)
    {
        if (handler is ProjectCreate or AuthorityCreate or PartnershipCreate or PostCreate)
        {
            await (handler switch
            {
                ProjectCreate => ProjectCreateAsync(caller),
                AuthorityCreate => AuthorityCreateAsync(caller),
                PartnershipCreate => PartnershipCreateAsync(caller),
                _ => PostCreateAsync(caller),
            });
            return;
        }
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var (table, id) = handler switch
        {
            ProjectDelete => ("projects", await NewProjectAsync("MA")),
            AuthorityDelete => ("local_authorities", await NewAuthorityAsync()),
            _ => ("projects", await NewProjectAsync("MA", deleted: true)),
        };
        var before = await RecordRowAsync(table, id);
        var url = handler switch
        {
            ProjectDelete => $"/supprimer/projet/{id}",
            AuthorityDelete => $"/supprimer/collectivite/{id}",
            _ => $"/admin/corbeille?handler=Restaurer&kind=Project&id={id}",
        };
        var page = await PostAsync(browser, account, url, [new("Version", await VersionAsync(table, id))]);

        var allowed = caller == Caller.Administrator || handler == ProjectDelete && caller == Caller.InScope;
        if (caller == Caller.Anonymous) AssertSignInAsked(page);
        else if (!allowed) AssertRefused(page);
        else if (handler == Restore) AssertRedirectedTo(page, "/admin/corbeille");
        else Assert.Equal(HttpStatusCode.OK, page.Status);

        if (!allowed) Assert.Equal(before, await RecordRowAsync(table, id));
        else Assert.Equal(handler != Restore, await IsDeletedAsync(table, id));
    }

    [Theory]
    [MemberData(nameof(DeletionApiCells))]
    public async Task Deletion_api_endpoint(string endpoint, Caller caller)
    {
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var client = fixture.App.CreateApiClient();
        if (account is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ProjectWriteApiTests.CreateTokenAsync(fixture, account.Id));
        if (endpoint == PostCreateApi)
        {
            var post = $"Poste de la matrice {Guid.NewGuid():N}";
            using var made = await client.PostAsJsonAsync("/api/v1/diplomatic-posts", new { name = post, countries = new[] { await UncoveredCountryAsync() } }, Ct);
            Assert.Equal(caller switch
            {
                Caller.Anonymous => HttpStatusCode.Unauthorized,
                Caller.Administrator => HttpStatusCode.Created,
                _ => HttpStatusCode.Forbidden,
            }, made.StatusCode);
            Assert.Equal(caller == Caller.Administrator, await NamedAsync("diplomatic_posts", post));
            return;
        }
        if (endpoint is PartnershipCreateApi or AuthorityCreateApi)
        {
            var name = $"Créé par la matrice {Guid.NewGuid():N}";
            using var made = endpoint == PartnershipCreateApi
                ? await client.PostAsJsonAsync("/api/v1/partnerships", new { title = name, status = "active", authorityIds = await FrenchAndMoroccanAsync() }, Ct)
                : await client.PostAsJsonAsync("/api/v1/authorities", new { country = "MA", name, kind = "commune-rurale" }, Ct);
            Assert.Equal(caller switch
            {
                Caller.Anonymous => HttpStatusCode.Unauthorized,
                Caller.OtherScope => HttpStatusCode.Forbidden,
                _ => HttpStatusCode.Created,
            }, made.StatusCode);
            Assert.Equal(caller is Caller.InScope or Caller.Administrator, await NamedAsync(endpoint == PartnershipCreateApi ? "partnerships" : "local_authorities", name));
            return;
        }
        if (endpoint == ProjectCreateApi)
        {
            var partnership = await NewPartnershipAsync("MA");
            var title = $"Créé par la matrice {Guid.NewGuid():N}";
            using var created = await client.PostAsJsonAsync($"/api/v1/partnerships/{partnership}/projects", new { title, status = "planned" }, Ct);
            Assert.Equal(caller switch
            {
                Caller.Anonymous => HttpStatusCode.Unauthorized,
                Caller.OtherScope => HttpStatusCode.Forbidden,
                _ => HttpStatusCode.Created,
            }, created.StatusCode);
            Assert.Equal(caller is Caller.InScope or Caller.Administrator ? 1 : 0, await ProjectsTitledAsync(partnership, title));
            return;
        }
        var (table, id, path) = endpoint switch
        {
            RestoreApi => ("projects", await NewProjectAsync("MA", deleted: true), "deleted-records/project/{0}/restore"),
            _ when endpoint.Contains("/projects/", StringComparison.Ordinal) => ("projects", await NewProjectAsync("MA"), "projects/{0}"),
            _ when endpoint.Contains("/partnerships/", StringComparison.Ordinal) => ("partnerships", await NewPartnershipAsync("MA"), "partnerships/{0}"),
            _ when endpoint.Contains("/authorities/", StringComparison.Ordinal) => ("local_authorities", await NewAuthorityAsync(), "authorities/{0}"),
            _ when endpoint.Contains("/organisations/", StringComparison.Ordinal) => ("organisations", await NewOrganisationAsync(), "organisations/{0}"),
            _ => ("diplomatic_posts", await NewPostAsync(), "diplomatic-posts/{0}"),
        };
        var before = await RecordRowAsync(table, id);
        using var request = new HttpRequestMessage(endpoint == RestoreApi ? HttpMethod.Post : HttpMethod.Delete, "/api/v1/" + string.Format(CultureInfo.InvariantCulture, path, id));
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{await VersionAsync(table, id)}\""));
        using var response = await client.SendAsync(request, Ct);

        var scoped = endpoint.Contains("/projects/", StringComparison.Ordinal) || endpoint.Contains("/partnerships/", StringComparison.Ordinal);
        var allowed = caller == Caller.Administrator || scoped && caller == Caller.InScope;
        var expected = caller == Caller.Anonymous ? HttpStatusCode.Unauthorized : allowed ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden;
        Assert.Equal(expected, response.StatusCode);
        if (!allowed) Assert.Equal(before, await RecordRowAsync(table, id));
        else Assert.Equal(endpoint != RestoreApi, await IsDeletedAsync(table, id));
    }

    private async Task ProjectCreateAsync(Caller caller)
    {
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var partnership = await NewPartnershipAsync("MA");
        var title = $"Créé par la matrice {Guid.NewGuid():N}";
        var page = await PostAsync(browser, account, $"/projets/nouveau?partenariat={partnership}",
            [new("Values.Title", title), new("Values.Status", "ongoing"), new("Version", "0")]);

        var created = await ProjectsTitledAsync(partnership, title);
        if (caller == Caller.Anonymous) AssertSignInAsked(page);
        else if (caller == Caller.OtherScope) AssertRefused(page);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/projets/", page.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        Assert.Equal(caller is Caller.InScope or Caller.Administrator ? 1 : 0, created);
    }

    /// <summary>A Moroccan commune: the Rabat correspondent may add it, the Beirut one may not.</summary>
    private async Task AuthorityCreateAsync(Caller caller)
    {
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var name = $"Commune créée par la matrice {Guid.NewGuid():N}";
        var page = await PostAsync(browser, account, "/collectivites/nouvelle",
            [new("Authority.CountryCode", "MA"), new("Authority.Values.Name", name), new("Authority.Values.Kind", "commune-rurale")]);

        if (caller == Caller.Anonymous) AssertSignInAsked(page);
        else if (caller == Caller.OtherScope) AssertRefused(page);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/collectivites/", page.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(caller is Caller.InScope or Caller.Administrator, await db.LocalAuthorities.AnyAsync(a => a.Name == name, Ct));
    }

    /// <summary>A Moroccan partnership: the Rabat correspondent may create it, the Beirut one may not.</summary>
    private async Task PartnershipCreateAsync(Caller caller)
    {
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var title = $"Créé par la matrice {Guid.NewGuid():N}";
        var authorities = await FrenchAndMoroccanAsync();
        var page = await PostAsync(browser, account, "/partenariats/nouveau",
        [
            new("Values.Title", title), new("Values.Status", "active"), new("Version", "0"),
            new("Values.AuthorityIds", Invariant(authorities[0])), new("Values.AuthorityIds", Invariant(authorities[1])),
        ]);

        if (caller == Caller.Anonymous) AssertSignInAsked(page);
        else if (caller == Caller.OtherScope) AssertRefused(page);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/partenariats/", page.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        Assert.Equal(caller is Caller.InScope or Caller.Administrator, await NamedAsync("partnerships", title));
    }

    /// <summary>A post only an administrator may create.</summary>
    private async Task PostCreateAsync(Caller caller)
    {
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var name = $"Poste de la matrice {Guid.NewGuid():N}";
        var page = await PostAsync(browser, account, "/postes/nouveau", [new("Values.Name", name), new("Countries", await UncoveredCountryAsync()), new("Version", "0")]);

        if (caller == Caller.Anonymous) AssertSignInAsked(page);
        else if (caller != Caller.Administrator) AssertRefused(page);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/postes/", page.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        Assert.Equal(caller == Caller.Administrator, await NamedAsync("diplomatic_posts", name));
    }

    /// <summary>A country no post covers yet (a post a cell creates covers it, so the next cell gets another).</summary>
    private async Task<string> UncoveredCountryAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var covered = await db.DiplomaticPostCountries.Select(pc => pc.CountryCode).ToListAsync(Ct);
        return await db.Countries.Where(c => c.Code != "FR" && !covered.Contains(c.Code)).OrderBy(c => c.Code).Select(c => c.Code).FirstAsync(Ct);
    }

    private async Task<int[]> FrenchAndMoroccanAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var french = await db.LocalAuthorities.Where(a => a.CountryCode == "FR").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        var moroccan = await db.LocalAuthorities.Where(a => a.CountryCode == "MA").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        return [french, moroccan];
    }

    /// <summary>Whether a partnership (by its title), an authority or a post (by its name) was made.</summary>
    private async Task<bool> NamedAsync(string table, string name) =>
        await SnapshotAsync($"SELECT count(*)::text FROM {table} WHERE {(table == "partnerships" ? "title" : "name")} = @id", name) == "1";

    private async Task<int> ProjectsTitledAsync(int partnership, string title)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.CountAsync(p => p.PartnershipId == partnership && p.Title == title, Ct);
    }

    // ---- Records made for one cell

    /// <summary>A project of a new partnership between a French authority and one of <paramref name="country"/>, with nothing depending on it.</summary>
    private async Task<int> NewProjectAsync(string country, bool deleted = false)
    {
        var partnership = await NewPartnershipAsync(country);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var project = new Project { PartnershipId = partnership, Title = $"Projet de la matrice {Guid.NewGuid():N}", Status = ProjectStatus.Ongoing, UpdatedAt = DateTimeOffset.UtcNow };
        db.Projects.Add(project);
        await db.SaveChangesAsync(Ct);
        await ProjectSearchIndex.RefreshAsync(db, [project.Id], Ct);
        if (deleted) await db.Projects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, DateTimeOffset.UtcNow), Ct);
        return project.Id;
    }

    private async Task<int> NewPartnershipAsync(string country)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var french = await db.LocalAuthorities.Where(a => a.CountryCode == "FR").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        var foreign = await db.LocalAuthorities.Where(a => a.CountryCode == country).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        var partnership = new Partnership { Title = $"Partenariat de la matrice {Guid.NewGuid():N}", UpdatedAt = DateTimeOffset.UtcNow };
        partnership.Authorities.Add(new PartnershipAuthority { LocalAuthorityId = french });
        partnership.Authorities.Add(new PartnershipAuthority { LocalAuthorityId = foreign });
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(Ct);
        return partnership.Id;
    }

    private Task<int> NewAuthorityAsync() => AddAsync(new LocalAuthority
    {
        Name = $"Commune de la matrice {Guid.NewGuid():N}", Kind = AuthorityKind.Commune, CountryCode = "MA", UpdatedAt = DateTimeOffset.UtcNow,
    });

    private Task<int> NewOrganisationAsync() => AddAsync(new Organisation
    {
        Name = $"Association de la matrice {Guid.NewGuid():N}", Kind = OrganisationKind.Association, CountryCode = "FR", UpdatedAt = DateTimeOffset.UtcNow,
    });

    private Task<int> NewPostAsync() => AddAsync(new DiplomaticPost { Name = $"Poste de la matrice {Guid.NewGuid():N}", UpdatedAt = DateTimeOffset.UtcNow });

    private async Task<int> AddAsync<T>(T record) where T : class
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        db.Add(record);
        await db.SaveChangesAsync(Ct);
        return (int)db.Entry(record).Property("Id").CurrentValue!;
    }

    private Task<string> RecordRowAsync(string table, int id) =>
        SnapshotAsync($"SELECT concat_ws(E'\\n', (SELECT row_to_json(r)::text || ' xmin=' || r.xmin FROM {table} r WHERE r.id = @id), (SELECT 'history=' || count(*) FROM change_records))", id);

    private Task<string> VersionAsync(string table, int id) => SnapshotAsync($"SELECT xmin::text FROM {table} WHERE id = @id", id);

    private async Task<bool> IsDeletedAsync(string table, int id) => await SnapshotAsync($"SELECT (deleted_at IS NOT NULL)::text FROM {table} WHERE id = @id", id) == "true";
}
