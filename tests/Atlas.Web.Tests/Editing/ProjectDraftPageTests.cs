using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// A new project declared through the pages by the Woippy editor: a draft from the partnership's page, private (absent from the
/// public search, API and pages), found again in the space, refused to submit while a rule fails, submitted, then approved by
/// a Rabat correspondent from the review page; other people's drafts are refused, an unknown one is not found.
/// </summary>
public sealed class ProjectDraftPageTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Woippy_editor_declares_a_project_as_a_private_draft_completes_and_submits_it_and_a_correspondent_publishes_it()
    {
        var partnership = await WoippySalePartnershipAsync();
        var word = "Potagers" + Guid.NewGuid().ToString("N")[..8];
        var title = $"{word} solidaires de Salé";
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        using var editor = fixture.Browser();
        await AccountsAppFixture.SignInAsync(editor, woippy);

        var partnershipPage = await editor.GetAsync($"/partenariats/{partnership}");
        var link = partnershipPage.TestId("new-project-link");
        Assert.Equal("Déclarer un projet", link.TextContent.Trim());
        var form = await editor.GetAsync(link.GetAttribute("href")!);
        Assert.Equal("Déclarer un projet", form.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(form.TestIdOrNull("draft-explanation"));

        // Saved with a title only and one paragraph: a draft, nowhere public.
        var saved = await editor.SubmitAsync(form, new() { ["Values.Title"] = title, ["Values.Objectives"] = "Des potagers dans trois quartiers." },
            submitter: "[data-testid='draft-save']");
        Assert.StartsWith("/projets/brouillons/", saved.Path, StringComparison.Ordinal);
        Assert.Contains("Le brouillon est enregistré", saved.Text("notice"), StringComparison.Ordinal);
        var draftPath = saved.Path;
        using var api = fixture.App.CreateApiClient();
        Assert.Empty((await api.GetFromJsonAsync<JsonObject>($"/api/v1/projects?q={word}", Ct))!["items"]!.AsArray());
        // The search page repeats the word typed, never the title.
        Assert.DoesNotContain(title, (await fixture.Browser().GetAsync($"/projets?q={word}")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(word, (await fixture.Browser().GetAsync($"/partenariats/{partnership}")).Html, StringComparison.Ordinal);

        // Found again in the space, in a later session, with what was typed.
        var space = await editor.GetAsync("/espace");
        var listed = space.Document.QuerySelectorAll("[data-testid='space-draft']").Single(d => d.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal("Brouillon", listed.QuerySelector("[data-testid='space-draft-status']")!.TextContent.Trim());
        var again = await editor.GetAsync(listed.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(draftPath, again.Path);
        Assert.Equal("Des potagers dans trois quartiers.", again.Document.QuerySelector("[name='Values.Objectives']")!.TextContent.Trim());

        // A rule that fails keeps it a draft, saved as typed, with the error beside its field.
        var refused = await editor.SubmitAsync(again, new() { ["Values.StartYear"] = "2027", ["Values.EndYear"] = "2020" }, submitter: "[data-testid='draft-submit']");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("n’a pas été soumis", refused.Text("form-error"), StringComparison.Ordinal);
        Assert.Equal("2020", refused.Value("Values.EndYear"));
        Assert.Equal(draftPath, new Uri(refused.Url, refused.Form("[data-testid='project-edit-form']").GetAttribute("action")).AbsolutePath);

        var submitted = await editor.SubmitAsync(refused, new() { ["Values.EndYear"] = "2029" }, submitter: "[data-testid='draft-submit']");
        Assert.Equal("/espace", submitted.Path);
        Assert.Contains("soumis à la relecture", submitted.Text("notice"), StringComparison.Ordinal);
        var waiting = submitted.Document.QuerySelectorAll("[data-testid='space-draft']").Single(d => d.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal("En attente de relecture", waiting.QuerySelector("[data-testid='space-draft-status']")!.TextContent.Trim());
        // Submitted, it is no longer its author's to change.
        Assert.Equal("/espace", (await editor.GetAsync(draftPath)).Path);

        var approved = await ApproveAsync(fixture, title, "pending-new-project", woippy.Name);
        Assert.Matches(@"^/projets/\d+$", approved.Path);
        Assert.Equal(title, approved.Text("project-title"));
        var items = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/projects?q={word}", Ct))!["items"]!.AsArray();
        Assert.Equal(title, (string?)Assert.Single(items)!["title"]);
        Assert.Equal("Approuvé et publié", (await editor.GetAsync("/espace")).Document.QuerySelectorAll("[data-testid='space-draft']")
            .Single(d => d.TextContent.Contains(title, StringComparison.Ordinal)).QuerySelector("[data-testid='space-draft-status']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Someone_elses_draft_is_refused_an_unknown_one_is_not_found_and_a_draft_without_a_title_is_not_saved()
    {
        var partnership = await WoippySalePartnershipAsync();
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        using var editor = fixture.Browser();
        await AccountsAppFixture.SignInAsync(editor, woippy);
        var form = await editor.GetAsync($"/projets/nouveau?partenariat={partnership}");
        var untitled = await editor.SubmitAsync(form, new() { ["Values.Title"] = "" }, submitter: "[data-testid='draft-save']");
        Assert.Equal(HttpStatusCode.OK, untitled.Status);
        Assert.Contains("Donnez un titre", untitled.Html, StringComparison.Ordinal);
        var saved = await editor.SubmitAsync(untitled, new() { ["Values.Title"] = "Brouillon privé de Woippy" }, submitter: "[data-testid='draft-save']");
        var draftPath = saved.Path;

        var marseille = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-marseille");
        using var other = fixture.Browser();
        await AccountsAppFixture.SignInAsync(other, marseille);
        var denied = await other.GetAsync(draftPath);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.DoesNotContain("Brouillon privé de Woippy", denied.Html, StringComparison.Ordinal);
        // Out of Marseille's scope, the partnership takes no draft either.
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/projets/nouveau?partenariat={partnership}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/projets/brouillons/{long.MaxValue}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/projets/brouillons/abc")).Status);
        Assert.Equal("/compte/connexion", (await fixture.Browser().GetAsync(draftPath, followRedirects: false)).Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_API_refuses_an_authority_editors_new_project_which_is_declared_on_the_portal_instead()
    {
        var partnership = await WoippySalePartnershipAsync();
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        var title = $"Créé par l'API de Woippy {Guid.NewGuid():N}";
        var detail = await RefusedCreationAsync(fixture, woippy, $"/api/v1/partnerships/{partnership}/projects", new { title, status = "planned" });
        Assert.Contains($"/projets/nouveau?partenariat={partnership}", detail, StringComparison.Ordinal);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.False(await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.Title == title, Ct));
    }

    /// <summary>
    /// A correspondent of Rabat approves the declared record titled <paramref name="title"/> from the review page, where it is
    /// tagged <paramref name="tag"/> and named as <paramref name="author"/>'s (<paramref name="inspect"/> reads it first): the
    /// page the approval leads to.
    /// </summary>
    internal static async Task<BrowserPage> ApproveAsync(AccountsAppFixture fixture, string title, string tag, string author, Action<AngleSharp.Dom.IElement>? inspect = null)
    {
        var (reviewer, _) = await fixture.SignedInAsync(EditorRole.Correspondent);
        using (reviewer)
        {
            var queue = await reviewer.GetAsync("/relecture");
            var change = queue.Document.QuerySelectorAll("[data-testid='pending-change']").Single(c => c.TextContent.Contains(title, StringComparison.Ordinal));
            Assert.NotNull(change.QuerySelector($"[data-testid='{tag}']"));
            Assert.Equal(author, change.QuerySelector("[data-testid='pending-author']")!.TextContent);
            inspect?.Invoke(change);
            return await reviewer.SubmitAsync(queue, form: $"[data-pending-id='{change.GetAttribute("data-pending-id")}'] [data-testid='approve-form']");
        }
    }

    /// <summary>
    /// The API's answer to <paramref name="account"/>'s creation of a record: 403, a problem saying why and where to go (its
    /// detail, returned) rather than that the record is out of the account's scope (it is in it).
    /// </summary>
    internal static async Task<string> RefusedCreationAsync(AccountsAppFixture fixture, TestAccount account, string path, object body)
    {
        using var client = fixture.App.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            await Api.ProjectWriteApiTests.CreateTokenAsync(fixture, account.Id));
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("detail").GetString()!;
        Assert.DoesNotContain("outside the scope", detail, StringComparison.Ordinal);
        return detail;
    }

    private async Task<int> WoippySalePartnershipAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Partnerships.Where(p => p.Key == "woippy--sale").Select(p => p.Id).SingleAsync(Ct);
    }
}
