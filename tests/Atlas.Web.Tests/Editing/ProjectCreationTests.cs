using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>A correspondent adds a project to a partnership from the portal: the same form and rules as an edit, on a real database.</summary>
public sealed class ProjectCreationTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correspondent_adds_a_project_to_a_partnership_and_a_rejected_form_keeps_what_was_typed()
    {
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, rabat);
        int partnership;
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            partnership = await db.Partnerships.Where(p => p.Key == "woippy--sale").Select(p => p.Id).SingleAsync(Ct);

        var existing = await browser.GetAsync($"/projets/{await FirstProjectAsync(partnership)}");
        Assert.Equal($"/projets/nouveau?partenariat={partnership}", existing.TestId("new-project-link").GetAttribute("href"));
        var form = await browser.GetAsync($"/projets/nouveau?partenariat={partnership}");
        Assert.Equal("Nouveau projet", form.Document.QuerySelector("h1")!.TextContent);

        var refused = await browser.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Values.Title"] = "", ["Values.StartYear"] = "2026", ["Values.EndYear"] = "2024", ["Values.Objectives"] = "Former les agents municipaux",
        }, form: "[data-testid='project-edit-form']");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Indiquez le titre du projet.", refused.TestId("field-error-Values.Title").TextContent.Trim());
        Assert.NotNull(refused.TestIdOrNull("field-error-Values.EndYear"));
        Assert.Equal("Former les agents municipaux", refused.Document.QuerySelector("[name='Values.Objectives']")!.TextContent.Trim());

        var created = await browser.SubmitAsync(refused, new Dictionary<string, string?>
        {
            ["Values.Title"] = "Formation des agents municipaux de Salé", ["Values.EndYear"] = "2027",
        }, form: "[data-testid='project-edit-form']");
        Assert.Matches(@"^/projets/\d+$", created.Path);
        Assert.Contains("Le projet a été créé.", created.Html, StringComparison.Ordinal);
        var id = int.Parse(created.Path["/projets/".Length..], System.Globalization.CultureInfo.InvariantCulture);

        await using var check = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var project = await check.Projects.SingleAsync(p => p.Id == id, Ct);
        Assert.Equal(partnership, project.PartnershipId);
        Assert.Contains("MA", project.CountryCodes);
        Assert.Contains("Salé", project.SearchText, StringComparison.Ordinal);
        Assert.True(await check.ChangeRecords.AnyAsync(r => r.EntityType == "project" && r.EntityId == id.ToString() && r.Action == Core.Editing.ChangeAction.Created, Ct));
    }

    private async Task<int> FirstProjectAsync(int partnership)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.PartnershipId == partnership).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }
}
