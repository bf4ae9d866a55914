using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// A new partnership declared through the pages by the Woippy editor: a draft from the authority's page, Woippy already ticked,
/// private (absent from the API, the directory), found again in the space, refused to submit while it has no foreign
/// authority, submitted with Salé, then approved by a Rabat correspondent from the review page. A draft, of either kind, is
/// deleted by its author after a confirmation, never by someone else; the API refuses an authority editor's new partnership.
/// </summary>
public sealed class PartnershipDraftPageTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private const string Authorities = "Values.AuthorityIds";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Woippy_editor_declares_a_partnership_from_its_authority_page_as_a_private_draft_and_a_correspondent_publishes_it()
    {
        var woippyId = await fixture.AuthorityIdAsync("fr-commune-woippy");
        var sale = (await fixture.AuthorityIdAsync("ma-commune-sale")).ToString(CultureInfo.InvariantCulture);
        var word = "Jumelage" + Guid.NewGuid().ToString("N")[..8];
        var title = $"{word} sportif Woippy–Salé";
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        using var editor = fixture.Browser();
        await AccountsAppFixture.SignInAsync(editor, woippy);

        var link = (await editor.GetAsync($"/collectivites/{woippyId}")).TestId("declare-partnership-link");
        var form = await editor.GetAsync(link.GetAttribute("href")!);
        Assert.Equal("Déclarer un partenariat", form.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(form.TestIdOrNull("draft-explanation"));
        Assert.True(form.Document.QuerySelector($"input[name='{Authorities}'][value='{woippyId}']")!.HasAttribute("checked"));

        // Saved with a title only: a draft, nowhere public.
        var saved = await editor.SubmitAsync(form, new() { ["Values.Title"] = title }, submitter: "[data-testid='draft-save']");
        Assert.StartsWith("/partenariats/brouillons/", saved.Path, StringComparison.Ordinal);
        Assert.Contains("Le brouillon est enregistré", saved.Text("notice"), StringComparison.Ordinal);
        var draftPath = saved.Path;
        using var api = fixture.App.CreateApiClient();
        Assert.Empty((await api.GetFromJsonAsync<JsonObject>($"/api/v1/partnerships?q={word}", Ct))!["items"]!.AsArray());
        // The directory repeats the word typed, never the title.
        Assert.DoesNotContain(title, (await fixture.Browser().GetAsync($"/partenariats?q={word}")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(word, (await fixture.Browser().GetAsync($"/collectivites/{woippyId}")).Html, StringComparison.Ordinal);

        // Found again in the space, in a later session, with what was typed.
        var listed = (await editor.GetAsync("/espace")).Document.QuerySelectorAll("[data-testid='space-draft']")
            .Single(d => d.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal("Brouillon", listed.QuerySelector("[data-testid='space-draft-status']")!.TextContent.Trim());
        var again = await editor.GetAsync(listed.QuerySelector("[data-testid='space-draft-link']")!.GetAttribute("href")!);
        Assert.Equal(draftPath, again.Path);
        Assert.Equal(title, again.Value("Values.Title"));

        // Without a foreign authority it is not submitted: kept a draft, the error beside the authorities.
        var refused = await editor.SubmitAsync(again, new() { ["Values.Domains"] = "Sport, jeunesse" }, submitter: "[data-testid='draft-submit']");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("n’a pas été soumis", refused.Text("form-error"), StringComparison.Ordinal);
        Assert.Contains("collectivité étrangère", refused.TestIdOrNull("field-error-" + Authorities)!.TextContent, StringComparison.Ordinal);
        Assert.Equal(draftPath, new Uri(refused.Url, refused.Form("[data-testid='partnership-edit-form']").GetAttribute("action")).AbsolutePath);

        var fields = BrowserSession.FormValues(refused.Form("[data-testid='partnership-edit-form']"));
        fields.Add(new(Authorities, sale));
        fields.RemoveAll(f => f.Key is "Contacts[0].LastName" or "Contacts[0].FirstName");
        fields.Add(new("Contacts[0].LastName", "Benali"));
        fields.Add(new("Contacts[0].FirstName", "Samira"));
        var submitted = await editor.PostAsync(draftPath + "?handler=Submit", fields);
        Assert.Equal("/espace", submitted.Path);
        Assert.Contains("soumis à la relecture", submitted.Text("notice"), StringComparison.Ordinal);
        var waiting = submitted.Document.QuerySelectorAll("[data-testid='space-draft']").Single(d => d.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal("En attente de relecture", waiting.QuerySelector("[data-testid='space-draft-status']")!.TextContent.Trim());
        // Submitted, it is no longer its author's to change.
        Assert.Equal("/espace", (await editor.GetAsync(draftPath)).Path);

        var approved = await ProjectDraftPageTests.ApproveAsync(fixture, title, "pending-new-partnership", woippy.Name, change =>
        {
            Assert.Contains("Salé", change.QuerySelector("[data-testid='diff-row'][data-field='authorities']")!.TextContent, StringComparison.Ordinal);
            // A contact is a row worded as the history words it, never its stored JSON.
            var contact = change.QuerySelectorAll("[data-testid='diff-row']").Single(r => r.GetAttribute("data-field")!.StartsWith("contact/", StringComparison.Ordinal));
            Assert.Contains("Benali", contact.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("{", contact.TextContent, StringComparison.Ordinal);
        });
        Assert.Matches(@"^/partenariats/\d+$", approved.Path);
        Assert.Contains(title, approved.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var items = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/partnerships?q={word}", Ct))!["items"]!.AsArray();
        Assert.Equal(title, (string?)Assert.Single(items)!["title"]);
        Assert.Equal("Approuvé et publié", (await editor.GetAsync("/espace")).Document.QuerySelectorAll("[data-testid='space-draft']")
            .Single(d => d.TextContent.Contains(title, StringComparison.Ordinal)).QuerySelector("[data-testid='space-draft-status']")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/partenariats/nouveau")]
    [InlineData("/projets/nouveau?partenariat={partnership}")]
    public async Task An_author_deletes_their_draft_once_they_confirm_it_and_it_leaves_their_space_and_no_one_else_may(string declare)
    {
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            var partnership = await db.Partnerships.Where(p => p.Key == "woippy--sale").Select(p => p.Id).SingleAsync(Ct);
            declare = declare.Replace("{partnership}", partnership.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        var title = $"Brouillon à supprimer {Guid.NewGuid():N}";
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        using var editor = fixture.Browser();
        await AccountsAppFixture.SignInAsync(editor, woippy);
        var saved = await editor.SubmitAsync(await editor.GetAsync(declare), new() { ["Values.Title"] = title }, submitter: "[data-testid='draft-save']");
        var draftPath = saved.Path;

        var confirm = await editor.GetAsync(saved.TestId("draft-delete-link").GetAttribute("href")!);
        Assert.Matches(@"^/brouillons/\d+/supprimer$", confirm.Path);
        Assert.Equal(title, confirm.Text("draft-title"));

        // Someone else sees neither the draft nor its deletion, and cannot delete it.
        var marseille = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-marseille");
        using (var other = fixture.Browser())
        {
            await AccountsAppFixture.SignInAsync(other, marseille);
            var denied = await other.GetAsync(confirm.Path);
            Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
            Assert.DoesNotContain(title, denied.Html, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(draftPath)).Status);
        // A draft opens at the address of its kind only.
        var otherKind = draftPath.StartsWith("/projets/", StringComparison.Ordinal)
            ? draftPath.Replace("/projets/", "/partenariats/", StringComparison.Ordinal)
            : draftPath.Replace("/partenariats/", "/projets/", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(otherKind)).Status);

        var deleted = await editor.SubmitAsync(confirm, form: "[data-testid='draft-delete-form']");
        Assert.Equal("/espace", deleted.Path);
        Assert.Contains("est supprimé", deleted.Text("notice"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, deleted.Html.Replace(deleted.Text("notice"), "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(draftPath)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(confirm.Path)).Status);
    }

    [Fact]
    public async Task The_API_refuses_an_authority_editors_new_partnership_which_is_declared_on_the_portal_instead()
    {
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        var title = $"Créé par l'API de Woippy {Guid.NewGuid():N}";
        var authorityIds = new[] { await fixture.AuthorityIdAsync("fr-commune-woippy"), await fixture.AuthorityIdAsync("ma-commune-sale") };
        var detail = await ProjectDraftPageTests.RefusedCreationAsync(fixture, woippy, "/api/v1/partnerships", new { title, status = "active", authorityIds });
        Assert.Contains("/partenariats/nouveau", detail, StringComparison.Ordinal);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.False(await db.Partnerships.IgnoreQueryFilters().AnyAsync(p => p.Title == title, Ct));
    }
}
