using System.Net;
using Atlas.Core.Accounts;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Shared;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>The project form people can work with: sections to jump to, a save bar, amounts and dates the French way, a session that ends mid-edit explained.</summary>
public sealed class EditFormTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_form_lists_its_sections_each_anchor_leads_to_one_and_the_save_button_is_in_the_action_bar()
    {
        var id = await ProjectWithCostAsync(0);
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var form = await browser.GetAsync($"/projets/{id}/modifier");
            var anchors = form.TestId("form-sections").QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(8, anchors.Count);
            foreach (var anchor in anchors)
                Assert.Equal("FIELDSET", form.TestId("project-edit-form").QuerySelector(anchor)?.TagName);
            Assert.Equal("Enregistrer", form.TestId("edit-actions").QuerySelector("button[type='submit']")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Amounts_are_shown_the_French_way_and_a_date_typed_day_first_is_read_back_and_shown_so()
    {
        var id = await ProjectWithCostAsync(1);
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var form = await browser.GetAsync($"/projets/{id}/modifier");
            var cost = await CostAsync(id);
            Assert.Equal(Format.Number(cost), form.Value("Values.TotalCostAmount"));
            Assert.DoesNotContain(".", form.Value("Values.TotalCostAmount"), StringComparison.Ordinal);
            Assert.Equal("text", form.Document.QuerySelector("#f-Values-StartDate")!.GetAttribute("type"));
            Assert.Contains("JJ/MM/AAAA", form.Document.QuerySelector("#hint-f-Values-StartDate")!.TextContent, StringComparison.Ordinal);

            var refused = await browser.SubmitAsync(form, new() { ["Values.StartDate"] = "2021/31/12" });
            Assert.Equal(FrenchDateBinder.Message, refused.FieldError("Values.StartDate"));
            Assert.Equal("2021/31/12", refused.Value("Values.StartDate"));

            // The amount as shown, sent back unchanged, is the same amount; the date is read day first.
            var saved = await browser.SubmitAsync(form, new() { ["Values.StartDate"] = "5/3/2021", ["Values.StartYear"] = "2021", ["Values.EndYear"] = "", ["Values.EndDate"] = "" });
            Assert.Equal($"/projets/{id}", saved.Path);
            await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
            var stored = await db.Projects.Where(p => p.Id == id).Select(p => new { p.StartDate, p.TotalCostAmount }).SingleAsync(Ct);
            Assert.Equal((new DateOnly(2021, 3, 5), (decimal?)cost), (stored.StartDate, stored.TotalCostAmount));
            Assert.Equal("05/03/2021", (await browser.GetAsync($"/projets/{id}/modifier")).Value("Values.StartDate"));
        }
    }

    [Fact]
    public async Task A_form_posted_after_the_session_ended_leads_to_a_sign_in_that_explains_and_back_to_the_form_marked_for_restoring()
    {
        var id = await ProjectWithCostAsync(2);
        var account = await fixture.CreateAccountAsync(EditorRole.Correspondent);
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, account);
        var form = await browser.GetAsync($"/projets/{id}/modifier");
        Assert.NotNull(form.TestId("project-edit-form").GetAttribute("data-draft"));
        Assert.True(form.TestId("draft-restored").HasAttribute("hidden"));
        var title = await TitleAsync(id);

        // The session cookie goes, as it does after hours without activity.
        foreach (Cookie cookie in browser.Cookies.GetCookies(BrowserSession.Origin))
            if (cookie.Name == AccountsSetup.SessionCookie) cookie.Expired = true;
        var posted = await browser.SubmitAsync(form, new() { ["Values.Title"] = title + " (saisi pendant une longue pause)" }, followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(title, await TitleAsync(id));

        var signIn = await browser.GetAsync(posted.Location!.OriginalString);
        Assert.Contains("Votre session a expiré", signIn.Text("session-ended"), StringComparison.Ordinal);
        var back = await browser.SubmitAsync(signIn, new() { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.Equal($"/projets/{id}/modifier", back.Path);
        Assert.Equal("?reprise=1", back.Url.Query);
        Assert.NotNull(back.TestIdOrNull("project-edit-form"));
    }

    private async Task<int> ProjectWithCostAsync(int index)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.CountryCodes.Contains("MA") && p.TotalCostAmount > 1000)
            .OrderByDescending(p => p.Id).Select(p => p.Id).Skip(index).FirstAsync(Ct);
    }

    private async Task<decimal> CostAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Id == id).Select(p => p.TotalCostAmount!.Value).SingleAsync(Ct);
    }

    private async Task<string> TitleAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync(Ct);
    }
}
