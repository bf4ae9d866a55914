using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>Adding an authority from the portal: never a second one of the same name, French fields for French authorities only.</summary>
public sealed class AuthorityCreationTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correspondent_adds_an_authority_of_their_country_and_a_duplicate_name_is_refused_in_french()
    {
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, rabat);
        var form = await browser.GetAsync("/collectivites/nouvelle");
        Assert.Equal("MA", form.Document.QuerySelector("[name='Authority.CountryCode'] option[selected]")?.GetAttribute("value"));

        var duplicate = await browser.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Authority.Values.Name"] = "COMMUNE URBAINE DE SALE", ["Authority.Values.Kind"] = "commune-urbaine", ["Authority.DepartmentCode"] = "57",
        }, form: "[data-testid='authority-new-form']");
        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Contains("existe déjà dans ce pays", duplicate.TestId("field-error-Authority.Values.Name").TextContent, StringComparison.Ordinal);
        Assert.Equal("Seule une collectivité française a un département français.", duplicate.TestId("field-error-Authority.DepartmentCode").TextContent.Trim());
        Assert.Equal("COMMUNE URBAINE DE SALE", duplicate.Document.QuerySelector("[name='Authority.Values.Name']")!.GetAttribute("value"));

        var created = await browser.SubmitAsync(duplicate, new Dictionary<string, string?>
        {
            ["Authority.Values.Name"] = "Commune rurale de Sidi Taibi", ["Authority.Values.Kind"] = "commune-rurale", ["Authority.DepartmentCode"] = "",
        }, form: "[data-testid='authority-new-form']");
        Assert.Matches(@"^/collectivites/\d+$", created.Path);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var authority = await db.LocalAuthorities.SingleAsync(a => a.Name == "Commune rurale de Sidi Taibi", Ct);
        Assert.Equal(("MA", Core.Authorities.AuthorityKind.CommuneRurale), (authority.CountryCode, authority.Kind));
        Assert.True(await db.ChangeRecords.AnyAsync(r => r.EntityType == "local-authority" && r.EntityId == authority.Id.ToString() && r.Action == Core.Editing.ChangeAction.Created, Ct));
    }
}
