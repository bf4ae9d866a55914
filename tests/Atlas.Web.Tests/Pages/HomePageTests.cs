using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Pages;

[Collection(DemoAppCollection.Name)]
public sealed class HomePageTests(DemoAppFixture fixture)
{
    [Fact]
    public async Task The_home_page_shows_key_figures_computed_from_the_database()
    {
        var page = await fixture.App.GetDocumentAsync("/");
        PageAssertions.IsClean(page);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var ct = TestContext.Current.CancellationToken;
        Assert.StartsWith($"{await db.Projects.CountAsync(ct)} ", page.Text("figure-projects"), StringComparison.Ordinal);
        Assert.StartsWith($"{await db.Partnerships.CountAsync(ct)} ", page.Text("figure-partnerships"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action='/projets'] input[name='q']"));
        Assert.Contains(page.QuerySelectorAll("[data-testid='country-link']"), a => a.GetAttribute("data-value") == "MA");
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid='theme-link']"));
    }
}
