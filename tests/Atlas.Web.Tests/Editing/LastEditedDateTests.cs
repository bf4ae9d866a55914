using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Api;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>« Mis à jour le » tells of an editor's change (a change in the history), never of the time the data was loaded.</summary>
public sealed class LastEditedDateTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_project_shows_no_update_date_after_the_load_and_the_date_of_its_edit_after_one()
    {
        var id = await ProjectWriteApiTests.ProjectInAsync(fixture, "MA", skip: 5);
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            Assert.False(await db.ChangeRecords.AnyAsync(r => r.ProjectId == id, Ct));
        var before = await fixture.App.GetDocumentAsync($"/projets/{id}");
        Assert.Null(before.QuerySelector("[data-testid='field-updated']"));

        using var client = await ProjectWriteApiTests.RabatClientAsync(fixture);
        var (record, version) = await ProjectWriteApiTests.EditableAsync(client, id);
        record["form"] = "Échanges d'expérience";
        using (var response = await ProjectWriteApiTests.PutAsync(client, id, record, version))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        DateTimeOffset edited;
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            edited = await db.ChangeRecords.Where(r => r.ProjectId == id).MaxAsync(r => r.At, Ct);
        var after = await fixture.App.GetDocumentAsync($"/projets/{id}");
        Assert.Equal($"Mis à jour le {Atlas.Web.Pages.Shared.Format.Date(edited)}", after.Text("field-updated"));
    }
}
