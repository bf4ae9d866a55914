using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Atlas.Core.Accounts;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Api;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>Who sends a request in the authorization matrix.</summary>
public enum Caller
{
    Anonymous,
    /// <summary>An editor whose scope does not cover the record (the Beirut correspondent on a Moroccan project; the Woippy editor on a project Woippy takes no part in).</summary>
    OtherScope,
    /// <summary>An editor whose scope covers the record (the Rabat correspondent; the Woippy editor on the Woippy–Salé project). On account self-service, the account's owner.</summary>
    InScope,
    Administrator,
}

/// <summary>
/// Every mutating page handler and write API endpoint × {anonymous, editor of another scope, editor in scope, administrator}:
/// the answer each gets, and that a request refused changes nothing (the rows it aims at, compared as SQL snapshots). Page posts
/// carry a valid antiforgery token of the caller's own session, so that the scope, not the token, is what is tested.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string NewPassword = "un autre mot de passe assez long";

    private const string ProjectEdit = "POST /projets/{id}/modifier";
    private const string ProjectEditByAuthority = "POST /projets/{id}/modifier (authority editor)";
    private const string AuthorityEdit = "POST /collectivites/{id}/modifier";
    private const string PartnershipEdit = "POST /partenariats/{id}/modifier";
    private const string PostEdit = "POST /postes/{id}/modifier";
    private const string Approve = "POST /relecture?handler=Approve";
    private const string SendBack = "POST /relecture?handler=SendBack";
    private const string RequestAccept = "POST /espace/demandes?handler=Accept";
    private const string RequestRefuse = "POST /espace/demandes?handler=Refuse";
    private const string SpaceConfirm = "POST /espace?handler=Confirm";
    private const string AccountCreate = "POST /admin/comptes/nouveau";
    private const string AccountSave = "POST /admin/comptes/{id}";
    private const string AccountDisable = "POST /admin/comptes/{id}?handler=Desactiver";
    private const string AccountEnable = "POST /admin/comptes/{id}?handler=Reactiver";
    private const string AccountUnlock = "POST /admin/comptes/{id}?handler=Deverrouiller";
    private const string AccountLink = "POST /admin/comptes/{id}?handler=Lien";
    private const string TokenCreate = "POST /compte/jetons?handler=Create";
    private const string TokenRevoke = "POST /compte/jetons?handler=Revoke";
    private const string PasswordChange = "POST /compte/mot-de-passe";
    private const string TwoFactorOn = "POST /compte/double-authentification?handler=Activer";
    private const string TwoFactorCodes = "POST /compte/double-authentification?handler=Codes";
    private const string TwoFactorOff = "POST /compte/double-authentification?handler=Desactiver";

    /// <summary>Each case of the matrix and the page handler it exercises (type under Atlas.Web.Pages, method).</summary>
    private static readonly (string Case, string Handler)[] PageHandlers =
    [
        (ProjectEdit, "Projets.ProjetsModifierModel.OnPostAsync"),
        (ProjectEditByAuthority, "Projets.ProjetsModifierModel.OnPostAsync"),
        (AuthorityEdit, "Collectivites.CollectivitesModifierModel.OnPostAsync"),
        (PartnershipEdit, "Partenariats.PartenariatsModifierModel.OnPostAsync"),
        (PostEdit, "Postes.PostesModifierModel.OnPostAsync"),
        (Approve, "Relecture.RelectureIndexModel.OnPostApproveAsync"),
        (SendBack, "Relecture.RelectureIndexModel.OnPostSendBackAsync"),
        (RequestAccept, "Espace.EspaceDemandesModel.OnPostAcceptAsync"),
        (RequestRefuse, "Espace.EspaceDemandesModel.OnPostRefuseAsync"),
        (SpaceConfirm, "Espace.EspaceIndexModel.OnPostConfirmAsync"),
        (AccountCreate, "Admin.Comptes.NouveauModel.OnPostAsync"),
        (AccountSave, "Admin.Comptes.AdminComptesModifierModel.OnPostAsync"),
        (AccountDisable, "Admin.Comptes.AdminComptesModifierModel.OnPostDesactiverAsync"),
        (AccountEnable, "Admin.Comptes.AdminComptesModifierModel.OnPostReactiverAsync"),
        (AccountUnlock, "Admin.Comptes.AdminComptesModifierModel.OnPostDeverrouillerAsync"),
        (AccountLink, "Admin.Comptes.AdminComptesModifierModel.OnPostLienAsync"),
        (TokenCreate, "Compte.JetonsModel.OnPostCreateAsync"),
        (TokenRevoke, "Compte.JetonsModel.OnPostRevokeAsync"),
        (PasswordChange, "Compte.MotDePasseModel.OnPostAsync"),
        (TwoFactorOn, "Compte.DoubleAuthentificationModel.OnPostActiverAsync"),
        (TwoFactorCodes, "Compte.DoubleAuthentificationModel.OnPostCodesAsync"),
        (TwoFactorOff, "Compte.DoubleAuthentificationModel.OnPostDesactiverAsync"),
    ];

    /// <summary>
    /// Handlers open to anyone that act on no record of a scope: the visitor's own sign-in, sign-out, a reset link's holder, an
    /// account request (kept for a decision, deciding nothing).
    /// Their rules have tests of their own (Accounts/*Tests). The error page has no handler: it answers any method.
    /// </summary>
    private static readonly string[] PublicHandlers =
    [
        "Compte.ConnexionModel.OnPostAsync",
        "Compte.Connexion2faModel.OnPostAsync",
        "Compte.DeconnexionModel.OnPostAsync",
        "Compte.DemandeModel.OnPostAsync",
        "Compte.MotDePasseOublieModel.OnPostAsync",
        "Compte.ReinitialiserModel.OnPostAsync",
    ];

    private const string ProjectPut = "PUT /api/v1/projects/{id:int}";
    private const string ProjectPatch = "PATCH /api/v1/projects/{id:int}";
    private const string AuthoritySuffix = " (authority editor)";
    private const string PartnershipPut = "PUT /api/v1/partnerships/{id:int}";
    private const string PartnershipPatch = "PATCH /api/v1/partnerships/{id:int}";
    private const string AuthorityPut = "PUT /api/v1/authorities/{id:int}";
    private const string AuthorityPatch = "PATCH /api/v1/authorities/{id:int}";
    private const string PostPut = "PUT /api/v1/diplomatic-posts/{id:int}";
    private const string PostPatch = "PATCH /api/v1/diplomatic-posts/{id:int}";
    private static readonly string[] RecordEndpoints = [PartnershipPut, PartnershipPatch, AuthorityPut, AuthorityPatch, PostPut, PostPatch];
    private static readonly string[] ApiEndpoints = [ProjectPut, ProjectPatch, .. RecordEndpoints];
    private static readonly string[] ApiCases = [ProjectPut, ProjectPatch, ProjectPut + AuthoritySuffix, ProjectPatch + AuthoritySuffix, .. RecordEndpoints];

    public static TheoryData<string, Caller> PageCells => Cells(PageHandlers.Select(h => h.Case));
    public static TheoryData<string, Caller> ApiCells => Cells(ApiCases);

    private static TheoryData<string, Caller> Cells(IEnumerable<string> cases)
    {
        var data = new TheoryData<string, Caller>();
        foreach (var c in cases)
            foreach (var caller in Enum.GetValues<Caller>()) data.Add(c, caller);
        return data;
    }

    [Fact]
    public void Every_mutating_page_handler_is_in_the_matrix_or_public()
    {
        const string prefix = "Atlas.Web.Pages.";
        var found = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract && t.FullName!.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) || m.Name.StartsWith("OnPut", StringComparison.Ordinal)
                    || m.Name.StartsWith("OnPatch", StringComparison.Ordinal) || m.Name.StartsWith("OnDelete", StringComparison.Ordinal))
                .Select(m => $"{t.FullName![prefix.Length..]}.{m.Name}"))
            .Order(StringComparer.Ordinal).Distinct().ToList();
        var known = PageHandlers.Concat(DeletionPageHandlers).Concat(DraftPageHandlers).Select(h => h.Handler).Concat(PublicHandlers).Order(StringComparer.Ordinal).Distinct().ToList();
        Assert.Equal(known, found);
    }

    [Fact]
    public void Every_write_API_endpoint_is_in_the_matrix()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order(StringComparer.Ordinal).Distinct().ToList();
        Assert.Equal(ApiEndpoints.Concat(DeletionApiEndpoints).Order(StringComparer.Ordinal), endpoints);
    }

    [Theory]
    [MemberData(nameof(PageCells))]
    public async Task Page_handler(string handler, Caller caller)
    {
        switch (handler)
        {
            case ProjectEdit or ProjectEditByAuthority:
                await ProjectEditAsync(caller, authority: handler == ProjectEditByAuthority);
                break;
            case AuthorityEdit:
                await AuthorityEditAsync(caller);
                break;
            case PartnershipEdit:
                await PartnershipEditAsync(caller);
                break;
            case PostEdit:
                await PostEditAsync(caller);
                break;
            case Approve or SendBack:
                await ReviewAsync(caller, approve: handler == Approve);
                break;
            case RequestAccept or RequestRefuse:
                await AccountRequestDecisionAsync(caller, accept: handler == RequestAccept);
                break;
            case SpaceConfirm:
                await SpaceConfirmAsync(caller);
                break;
            case AccountCreate:
                await AccountCreateAsync(caller);
                break;
            case AccountSave or AccountDisable or AccountEnable or AccountUnlock or AccountLink:
                await AccountChangeAsync(handler, caller);
                break;
            default:
                await SelfServiceAsync(handler, caller);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(ApiCells))]
    public async Task Api_endpoint(string endpoint, Caller caller)
    {
        if (RecordEndpoints.Contains(endpoint))
        {
            await RecordApiAsync(endpoint, caller);
            return;
        }
        var authority = endpoint.EndsWith(AuthoritySuffix, StringComparison.Ordinal);
        var patch = endpoint.StartsWith("PATCH", StringComparison.Ordinal);
        var id = await TargetProjectAsync(caller, authority);
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority);
        using var client = fixture.App.CreateApiClient();
        if (account is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ProjectWriteApiTests.CreateTokenAsync(fixture, account.Id));

        var (record, version) = await ProjectWriteApiTests.EditableAsync(client, id);
        var title = $"Matrice {endpoint} {caller} {Guid.NewGuid():N}";
        var before = await Rows.SnapshotAsync(fixture.App.ConnectionString, id);
        var pendingBefore = await PendingCountAsync(id);

        HttpResponseMessage response;
        if (patch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/projects/{id}")
            {
                Content = new StringContent($$"""{"title":"{{title}}"}""", Encoding.UTF8, "application/merge-patch+json"),
            };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
            response = await client.SendAsync(request, Ct);
        }
        else
        {
            record["title"] = title;
            response = await ProjectWriteApiTests.PutAsync(client, id, record, version);
        }

        using (response)
        {
            var expected = caller switch
            {
                Caller.Anonymous => HttpStatusCode.Unauthorized,
                Caller.OtherScope => HttpStatusCode.Forbidden,
                Caller.InScope when authority => HttpStatusCode.Accepted,
                _ => HttpStatusCode.OK,
            };
            Assert.Equal(expected, response.StatusCode);
        }
        if (caller is Caller.Anonymous or Caller.OtherScope || authority && caller == Caller.InScope)
            Assert.Equal(before, await Rows.SnapshotAsync(fixture.App.ConnectionString, id));
        else
            Assert.Equal(title, await ProjectTitleAsync(id));
        Assert.Equal(pendingBefore + (authority && caller == Caller.InScope ? 1 : 0), await PendingCountAsync(id));
    }

    // ---- Projects

    private async Task ProjectEditAsync(Caller caller, bool authority)
    {
        var id = await TargetProjectAsync(caller, authority);
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority);
        using var admin = await AdminBrowserAsync();
        var form = await admin.GetAsync($"/projets/{id}/modifier");
        var fields = BrowserSession.FormValues(form.Form("[data-testid='project-edit-form']"));
        var title = $"Matrice {caller} {Guid.NewGuid():N}";
        Set(fields, "Values.Title", title);

        using var browser = await BrowserAsync(account);
        var before = await Rows.SnapshotAsync(fixture.App.ConnectionString, id);
        var pendingBefore = await PendingCountAsync(id);
        var page = await PostAsync(browser, account, $"/projets/{id}/modifier", fields);

        AssertScopedOutcome(page, caller, $"/projets/{id}");
        var submitted = authority && caller == Caller.InScope;
        if (caller is Caller.Anonymous or Caller.OtherScope || submitted)
            Assert.Equal(before, await Rows.SnapshotAsync(fixture.App.ConnectionString, id));
        else
            Assert.Equal(title, await ProjectTitleAsync(id));
        Assert.Equal(pendingBefore + (submitted ? 1 : 0), await PendingCountAsync(id));
    }

    // ---- Authorities

    /// <summary>A Moroccan authority (Salé): the Beirut correspondent is out of scope, the Rabat one in it.</summary>
    private async Task AuthorityEditAsync(Caller caller)
    {
        var id = await fixture.AuthorityIdAsync("ma-commune-sale");
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var admin = await AdminBrowserAsync();
        var form = await admin.GetAsync($"/collectivites/{id}/modifier");
        var fields = BrowserSession.FormValues(form.Form("[data-testid='authority-edit-form']"));
        var leader = $"Matrice {caller} {Guid.NewGuid():N}";
        Set(fields, "Values.LeaderTitle", leader);
        Set(fields, "Contacts[0].LastName", leader);

        using var browser = await BrowserAsync(account);
        var before = await Rows.AuthoritySnapshotAsync(fixture.App.ConnectionString, id);
        var page = await PostAsync(browser, account, $"/collectivites/{id}/modifier", fields);

        AssertScopedOutcome(page, caller, $"/collectivites/{id}");
        if (caller is Caller.Anonymous or Caller.OtherScope)
        {
            Assert.Equal(before, await Rows.AuthoritySnapshotAsync(fixture.App.ConnectionString, id));
        }
        else
        {
            await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
            Assert.Equal(leader, await db.LocalAuthorities.Where(a => a.Id == id).Select(a => a.LeaderTitle).SingleAsync(Ct));
            Assert.True(await db.Contacts.AnyAsync(c => c.LocalAuthorityId == id && c.LastName == leader, Ct));
        }
    }

    // ---- Partnerships

    /// <summary>The Woippy–Salé partnership (Moroccan): the Beirut correspondent is out of scope, the Rabat one in it.</summary>
    private async Task PartnershipEditAsync(Caller caller)
    {
        var id = await WoippySalePartnershipAsync();
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var admin = await AdminBrowserAsync();
        var form = await admin.GetAsync($"/partenariats/{id}/modifier");
        var fields = BrowserSession.FormValues(form.Form("[data-testid='partnership-edit-form']"));
        var title = $"Matrice {caller} {Guid.NewGuid():N}";
        Set(fields, "Values.Title", title);

        using var browser = await BrowserAsync(account);
        var before = await Rows.PartnershipSnapshotAsync(fixture.App.ConnectionString, id);
        var page = await PostAsync(browser, account, $"/partenariats/{id}/modifier", fields);

        AssertScopedOutcome(page, caller, $"/partenariats/{id}");
        if (caller is Caller.Anonymous or Caller.OtherScope)
            Assert.Equal(before, await Rows.PartnershipSnapshotAsync(fixture.App.ConnectionString, id));
        else
            Assert.Equal(title, await PartnershipTitleAsync(id));
    }

    /// <summary>
    /// PUT and PATCH of the Woippy–Salé partnership, of Salé and of the Rabat post: the Beirut correspondent is out of scope, the
    /// Rabat one in it. The record is read by an administrator, as a post's editable record is its editors' only.
    /// </summary>
    private async Task RecordApiAsync(string endpoint, Caller caller)
    {
        var (resource, id, field) = endpoint switch
        {
            PartnershipPut or PartnershipPatch => ("partnerships", await WoippySalePartnershipAsync(), "domains"),
            AuthorityPut or AuthorityPatch => ("authorities", await fixture.AuthorityIdAsync("ma-commune-sale"), "leaderTitle"),
            _ => ("diplomatic-posts", await fixture.PostIdAsync("ambassade-rabat"), "city"),
        };
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var admin = fixture.App.CreateApiClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await ProjectWriteApiTests.CreateTokenAsync(fixture, (await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null)).Id));
        using var client = fixture.App.CreateApiClient();
        if (account is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ProjectWriteApiTests.CreateTokenAsync(fixture, account.Id));

        var (record, version) = await RecordWriteApiTests.EditableAsync(admin, resource, id);
        var value = $"Matrice {endpoint} {caller} {Guid.NewGuid():N}";
        Task<string> Snapshot() => resource switch
        {
            "partnerships" => Rows.PartnershipSnapshotAsync(fixture.App.ConnectionString, id),
            "authorities" => Rows.AuthoritySnapshotAsync(fixture.App.ConnectionString, id),
            _ => DiplomaticPostEditingTests.PostSnapshotAsync(fixture.App.ConnectionString, id),
        };
        var before = await Snapshot();

        record[field] = value;
        using var response = endpoint.StartsWith("PATCH", StringComparison.Ordinal)
            ? await RecordWriteApiTests.PatchAsync(client, $"/api/v1/{resource}/{id}", $$"""{"{{field}}":"{{value}}"}""", version)
            : await RecordWriteApiTests.SendAsync(client, HttpMethod.Put, $"/api/v1/{resource}/{id}", System.Net.Http.Json.JsonContent.Create(record), version);

        var expected = caller switch
        {
            Caller.Anonymous => HttpStatusCode.Unauthorized,
            Caller.OtherScope => HttpStatusCode.Forbidden,
            _ => HttpStatusCode.OK,
        };
        Assert.Equal(expected, response.StatusCode);
        if (caller is Caller.Anonymous or Caller.OtherScope)
        {
            Assert.Equal(before, await Snapshot());
            return;
        }
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(value, resource switch
        {
            "partnerships" => await db.Partnerships.Where(p => p.Id == id).Select(p => p.Domains).SingleAsync(Ct),
            "authorities" => await db.LocalAuthorities.Where(a => a.Id == id).Select(a => a.LeaderTitle).SingleAsync(Ct),
            _ => await db.DiplomaticPosts.Where(p => p.Id == id).Select(p => p.City).SingleAsync(Ct),
        });
    }

    private async Task<int> WoippySalePartnershipAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Partnerships.Where(p => p.Key == "woippy--sale").Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<string> PartnershipTitleAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Partnerships.Where(p => p.Id == id).Select(p => p.Title).SingleAsync(Ct);
    }

    // ---- Diplomatic posts

    /// <summary>The Rabat post: the Beirut correspondent is out of scope, the Rabat one in it (its name, city and contacts).</summary>
    private async Task PostEditAsync(Caller caller)
    {
        var id = await fixture.PostIdAsync("ambassade-rabat");
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var admin = await AdminBrowserAsync();
        var form = await admin.GetAsync($"/postes/{id}/modifier");
        var fields = BrowserSession.FormValues(form.Form("[data-testid='post-edit-form']"));
        var function = $"Matrice {caller} {Guid.NewGuid():N}";
        Set(fields, "Contacts[1].Function", function);

        using var browser = await BrowserAsync(account);
        var before = await DiplomaticPostEditingTests.PostSnapshotAsync(fixture.App.ConnectionString, id);
        var page = await PostAsync(browser, account, $"/postes/{id}/modifier", fields);

        AssertScopedOutcome(page, caller, $"/postes/{id}");
        if (caller is Caller.Anonymous or Caller.OtherScope)
        {
            Assert.Equal(before, await DiplomaticPostEditingTests.PostSnapshotAsync(fixture.App.ConnectionString, id));
            return;
        }
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.True(await db.Contacts.AnyAsync(c => c.DiplomaticPostId == id && c.Function == function, Ct));
    }

    // ---- Review

    private async Task ReviewAsync(Caller caller, bool approve)
    {
        var project = await WoippySaleProjectAsync();
        var pending = await SubmitAsWoippyAsync(project);
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var before = await Rows.SnapshotAsync(fixture.App.ConnectionString, project) + "\n" + await PendingRowAsync(pending);

        List<KeyValuePair<string, string>> fields = approve ? [] : [new("comment", "Renvoyé par la matrice d'autorisation.")];
        var page = await PostAsync(browser, account, $"/relecture?handler={(approve ? "Approve" : "SendBack")}&id={pending}", fields);

        AssertScopedOutcome(page, caller, "/relecture");
        if (caller is Caller.Anonymous or Caller.OtherScope)
        {
            Assert.Equal(before, await Rows.SnapshotAsync(fixture.App.ConnectionString, project) + "\n" + await PendingRowAsync(pending));
            return;
        }
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var status = await db.PendingChanges.Where(c => c.Id == pending).Select(c => c.Status).SingleAsync(Ct);
        Assert.Equal(approve ? PendingChangeStatus.Approved : PendingChangeStatus.SentBack, status);
    }

    private async Task<long> SubmitAsWoippyAsync(int projectId)
    {
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        var editor = Editor.Of((await fixture.FindAsync(woippy.Email))!);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var project = await db.Projects.AsNoTracking().WithEditableLines().SingleAsync(p => p.Id == projectId, Ct);
        var values = ProjectValues.Of(project);
        values.Title = $"Proposé par Woippy {Guid.NewGuid():N}";
        var result = await scope.ServiceProvider.GetRequiredService<ProjectSubmission>().SaveAsync(editor, projectId, project.Version, values, Ct);
        return Assert.IsType<SubmissionResult.Submitted>(result).PendingChangeId;
    }

    // ---- Account requests: a request for Woippy is decided by the Moroccan correspondents and the administrators

    private async Task AccountRequestDecisionAsync(Caller caller, bool accept)
    {
        var email = $"demande-{Guid.NewGuid():N}@woippy.test";
        var woippy = await fixture.AuthorityIdAsync("fr-commune-woippy");
        long id;
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            var request = new Atlas.Core.AccountRequests.AccountRequest
            {
                SubmittedAt = DateTimeOffset.UtcNow, DisplayName = "Demande de la matrice", Email = email, Position = "Chargée de mission",
                LocalAuthorityId = woippy, Status = Atlas.Core.AccountRequests.AccountRequestStatus.Pending,
            };
            db.AccountRequests.Add(request);
            await db.SaveChangesAsync(Ct);
            id = request.Id;
        }
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var before = await AccountRequestRowAsync(id) + $"\naccount={await fixture.FindAsync(email) is not null}\nmails={fixture.MailTo(email).Count}";

        List<KeyValuePair<string, string>> fields = accept ? [] : [new("reason", "Refusée par la matrice d'autorisation.")];
        var page = await PostAsync(browser, account, $"/espace/demandes?handler={(accept ? "Accept" : "Refuse")}&id={id}", fields);

        AssertScopedOutcome(page, caller, "/espace/demandes");
        if (caller is Caller.Anonymous or Caller.OtherScope)
        {
            Assert.Equal(before, await AccountRequestRowAsync(id) + $"\naccount={await fixture.FindAsync(email) is not null}\nmails={fixture.MailTo(email).Count}");
            return;
        }
        Assert.Equal(accept, await fixture.FindAsync(email) is not null);
        Assert.Single(fixture.MailTo(email));
    }

    private async Task<string> AccountRequestRowAsync(long id)
    {
        await using var conn = new Npgsql.NpgsqlConnection(fixture.App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT row_to_json(r)::text FROM account_requests r WHERE r.id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        return (string)(await cmd.ExecuteScalarAsync(Ct))!;
    }

    // ---- « Toujours exact » from the space

    /// <summary>A Moroccan project confirmed as still correct: the Beirut correspondent is out of scope, the Rabat one in it.</summary>
    private async Task SpaceConfirmAsync(Caller caller)
    {
        var id = await MoroccanProjectAsync();
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        await SnapshotAsync("UPDATE projects SET confirmed_at = NULL WHERE id = @id RETURNING ''", id);
        var before = await Rows.SnapshotAsync(fixture.App.ConnectionString, id);

        var page = await PostAsync(browser, account, "/espace?handler=Confirm", [new("kind", "projet"), new("id", Invariant(id))]);

        AssertScopedOutcome(page, caller, "/espace");
        if (caller is Caller.Anonymous or Caller.OtherScope)
        {
            Assert.Equal(before, await Rows.SnapshotAsync(fixture.App.ConnectionString, id));
            return;
        }
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.NotNull(await db.Projects.Where(p => p.Id == id).Select(p => p.ConfirmedAt).SingleAsync(Ct));
    }

    // ---- Account administration: only administrators

    private async Task AccountCreateAsync(Caller caller)
    {
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var email = $"matrice-{Guid.NewGuid():N}@test.localhost";
        var page = await PostAsync(browser, account, "/admin/comptes/nouveau",
        [
            new("DisplayName", "Compte de la matrice"), new("Email", email), new("Role", "correspondent"),
            new("DiplomaticPostId", Invariant(await fixture.PostIdAsync("ambassade-rabat"))), new("PasswordMode", "lien"), new("Intent", "creer"),
        ]);
        AssertAdministratorOnly(page, caller, "/admin/comptes");
        Assert.Equal(caller == Caller.Administrator, await fixture.FindAsync(email) is not null);
    }

    private async Task AccountChangeAsync(string handler, Caller caller)
    {
        var target = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        await WithUserAsync(target.Id, async (users, user) =>
        {
            if (handler == AccountEnable) { user.IsDisabled = true; await users.UpdateAsync(user); }
            if (handler == AccountUnlock) await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
        });
        var account = caller == Caller.Anonymous ? null : await AccountAsync(caller, authority: false);
        using var browser = await BrowserAsync(account);
        var stamp = (await fixture.FindAsync(target.Email))!.ConcurrencyStamp!;
        var before = await UserSnapshotAsync(target.Id) + $"\nmails={fixture.MailTo(target.Email).Count}";

        var (url, fields) = handler switch
        {
            AccountSave => ($"/admin/comptes/{target.Id}", new List<KeyValuePair<string, string>>
            {
                new("DisplayName", "Renommé par la matrice"), new("Role", "correspondent"),
                new("DiplomaticPostId", Invariant(await fixture.PostIdAsync("ambassade-rabat"))), new("Stamp", stamp), new("Intent", "enregistrer"),
            }),
            _ => ($"/admin/comptes/{target.Id}?handler={handler[(handler.IndexOf('=', StringComparison.Ordinal) + 1)..]}", []),
        };
        var page = await PostAsync(browser, account, url, fields);
        AssertAdministratorOnly(page, caller, $"/admin/comptes/{target.Id}");

        if (caller != Caller.Administrator)
        {
            Assert.Equal(before, await UserSnapshotAsync(target.Id) + $"\nmails={fixture.MailTo(target.Email).Count}");
            return;
        }
        var after = (await fixture.FindAsync(target.Email))!;
        switch (handler)
        {
            case AccountSave: Assert.Equal("Renommé par la matrice", after.DisplayName); break;
            case AccountDisable: Assert.True(after.IsDisabled); break;
            case AccountEnable: Assert.False(after.IsDisabled); break;
            case AccountUnlock: Assert.Null(after.LockoutEnd); break;
            case AccountLink: Assert.Single(fixture.MailTo(target.Email)); break;
        }
    }

    private static void AssertAdministratorOnly(BrowserPage page, Caller caller, string success)
    {
        switch (caller)
        {
            case Caller.Anonymous:
                AssertSignInAsked(page);
                break;
            case Caller.Administrator:
                AssertRedirectedTo(page, success);
                break;
            default:
                AssertRefused(page);
                break;
        }
    }

    // ---- Account self-service: acts on the signed-in account only

    /// <summary>
    /// The owner is a Rabat correspondent with a token (and, for the recovery codes and turning off, two-factor on). In scope: the
    /// owner acts on their own account. Another editor, with the owner's token id or a code of the owner's key, and an administrator
    /// acting on their own account: neither changes the owner's rows. Anonymous: sent to sign in.
    /// </summary>
    private async Task SelfServiceAsync(string handler, Caller caller)
    {
        var owner = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var actor = caller switch
        {
            Caller.Anonymous => null,
            Caller.InScope => owner,
            _ => await AccountAsync(caller, authority: false),
        };
        using var browser = await BrowserAsync(actor);
        // After signing in: turning two-factor on first would ask the sign-in for a code.
        var ownerState = await PrepareSelfAsync(handler, owner);
        var actorState = actor is null || actor == owner ? ownerState : await PrepareSelfAsync(handler, actor);
        var ownerBefore = await UserSnapshotAsync(owner.Id);
        var actorBefore = actor is null ? null : await UserSnapshotAsync(actor.Id);

        // Another editor aims at the owner's token, or types a code of the owner's authenticator key.
        var aimed = caller == Caller.OtherScope ? ownerState : actorState;
        var (url, fields) = handler switch
        {
            TokenCreate => ("/compte/jetons?handler=Create", new List<KeyValuePair<string, string>> { new("Name", "matrice") }),
            TokenRevoke => ($"/compte/jetons?handler=Revoke&id={aimed.TokenId}", []),
            PasswordChange => ("/compte/mot-de-passe", [new("CurrentPassword", AccountsAppFixture.DefaultPassword),
                new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]),
            TwoFactorOn => ("/compte/double-authentification?handler=Activer", [new("Code", Totp.Code(aimed.AuthenticatorKey!, DateTimeOffset.UtcNow))]),
            TwoFactorCodes => ("/compte/double-authentification?handler=Codes", []),
            TwoFactorOff => ("/compte/double-authentification?handler=Desactiver", []),
            _ => throw new ArgumentOutOfRangeException(nameof(handler), handler, null),
        };
        var page = await PostAsync(browser, actor, url, fields);

        if (caller == Caller.Anonymous)
        {
            AssertSignInAsked(page);
            Assert.Equal(ownerBefore, await UserSnapshotAsync(owner.Id));
            return;
        }
        if (caller != Caller.InScope) Assert.Equal(ownerBefore, await UserSnapshotAsync(owner.Id));
        if (caller == Caller.OtherScope && handler is TokenRevoke or TwoFactorOn)
        {
            // Aimed at the owner's: refused, nothing of the actor's changes either.
            Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{page.Status} {page.Location}");
            Assert.Equal(actorBefore, await UserSnapshotAsync(actor!.Id));
            return;
        }

        switch (handler)
        {
            case TokenRevoke: AssertRedirectedTo(page, "/compte/jetons"); break;
            case PasswordChange: AssertRedirectedTo(page, "/compte"); break;
            case TwoFactorOff: AssertRedirectedTo(page, "/compte/double-authentification"); break;
            default: Assert.Equal(HttpStatusCode.OK, page.Status); break;
        }
        Assert.NotEqual(actorBefore, await UserSnapshotAsync(actor!.Id));
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == actor.Id, Ct);
        switch (handler)
        {
            case TokenRevoke:
                Assert.NotNull(await db.Set<ApiToken>().Where(t => t.Id == actorState.TokenId).Select(t => t.RevokedAt).SingleAsync(Ct));
                break;
            case TwoFactorOn: Assert.True(user.TwoFactorEnabled); break;
            case TwoFactorOff: Assert.False(user.TwoFactorEnabled); break;
        }
    }

    private sealed record SelfState(int TokenId, string? AuthenticatorKey);

    private async Task<SelfState> PrepareSelfAsync(string handler, TestAccount account)
    {
        var tokenId = 0;
        string? key = null;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            tokenId = (await scope.ServiceProvider.GetRequiredService<ApiTokenStore>().CreateAsync(account.Id, "à révoquer", null, Ct)).Token.Id;
        await WithUserAsync(account.Id, async (users, user) =>
        {
            if (handler is not (TwoFactorOn or TwoFactorCodes or TwoFactorOff)) return;
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            if (handler == TwoFactorOn) return;
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        });
        return new SelfState(tokenId, key);
    }

    // ---- Helpers

    private Task<TestAccount> AccountAsync(Caller caller, bool authority) => caller switch
    {
        Caller.Administrator => fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null),
        _ when authority => fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy"),
        Caller.OtherScope => fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-beyrouth"),
        _ => fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat"),
    };

    /// <summary>The project a cell aims at: a Moroccan project Woippy takes no part in, or the Woippy–Salé project for Woippy's editor in scope (and for the others of the authority rows).</summary>
    private async Task<int> TargetProjectAsync(Caller caller, bool authority) =>
        authority && caller != Caller.OtherScope ? await WoippySaleProjectAsync() : await MoroccanProjectAsync();

    private async Task<int> MoroccanProjectAsync()
    {
        var woippy = await fixture.AuthorityIdAsync("fr-commune-woippy");
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.CountryCodes.Contains("MA") && !p.AuthorityIds.Contains(woippy)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }

    private async Task<int> WoippySaleProjectAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Key == "woippy--sale--developpement-social-quartiers").Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<string> ProjectTitleAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync(Ct);
    }

    private async Task<int> PendingCountAsync(int projectId)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.PendingChanges.CountAsync(c => c.ProjectId == projectId, Ct);
    }

    private Task<string> PendingRowAsync(long id) => SnapshotAsync("SELECT row_to_json(c)::text FROM pending_changes c WHERE c.id = @id", id);

    /// <summary>An account's row, its Identity tokens (authenticator key, recovery codes) and its API tokens.</summary>
    private Task<string> UserSnapshotAsync(int id) => SnapshotAsync("""
        SELECT concat_ws(E'\n',
            (SELECT row_to_json(u)::text FROM users u WHERE u.id = @id),
            (SELECT json_agg(t ORDER BY t.login_provider, t.name)::text FROM user_tokens t WHERE t.user_id = @id),
            (SELECT json_agg(a ORDER BY a.id)::text FROM api_tokens a WHERE a.user_id = @id))
        """, id);

    private async Task<string> SnapshotAsync(string sql, object id)
    {
        await using var conn = new Npgsql.NpgsqlConnection(fixture.App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("id", id);
        return (await cmd.ExecuteScalarAsync(Ct)) as string ?? "";
    }

    private async Task WithUserAsync(int id, Func<UserManager<AtlasUser>, AtlasUser, Task> change)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
        await change(users, (await users.FindByIdAsync(Invariant(id)))!);
    }

    private async Task<BrowserSession> AdminBrowserAsync() => await BrowserAsync(await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null));

    private async Task<BrowserSession> BrowserAsync(TestAccount? account)
    {
        var browser = fixture.Browser();
        if (account is not null) Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(browser, account)).Path);
        return browser;
    }

    /// <summary>Posts the fields with a valid antiforgery token of this session (taken from another form), redirects not followed.</summary>
    private static async Task<BrowserPage> PostAsync(BrowserSession browser, TestAccount? account, string url, List<KeyValuePair<string, string>> fields)
    {
        var form = await browser.GetAsync(account is null ? "/compte/connexion" : "/compte/mot-de-passe");
        var token = form.Form().QuerySelector($"[name='{BrowserSession.AntiforgeryField}']")!.GetAttribute("value")!;
        Set(fields, BrowserSession.AntiforgeryField, token);
        return await browser.PostAsync(url, fields, followRedirects: false);
    }

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }

    private static void AssertSignInAsked(BrowserPage page)
    {
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/compte/connexion", page.Location!.AbsolutePath);
    }

    /// <summary>Anonymous: asked to sign in; out of scope: refused; in scope or administrator: sent on to <paramref name="success"/>.</summary>
    private static void AssertScopedOutcome(BrowserPage page, Caller caller, string success)
    {
        if (caller == Caller.Anonymous) AssertSignInAsked(page);
        else if (caller == Caller.OtherScope) AssertRefused(page);
        else AssertRedirectedTo(page, success);
    }

    private static void AssertRefused(BrowserPage page) =>
        Assert.True(page.Status == HttpStatusCode.Forbidden
            || page.Status == HttpStatusCode.Redirect && page.Location!.AbsolutePath == "/compte/acces-refuse",
            $"Expected a refusal, got {(int)page.Status} {page.Location}");

    private static void AssertRedirectedTo(BrowserPage page, string path)
    {
        Assert.True(page.Status == HttpStatusCode.Redirect, $"Expected a redirect to {path}, got {(int)page.Status} {page.Location}: "
            + page.Document.QuerySelector("[data-testid='form-error']")?.TextContent);
        Assert.Equal(path, page.Location!.AbsolutePath);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
