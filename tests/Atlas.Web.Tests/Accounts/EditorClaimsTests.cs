using System.Security.Claims;
using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Accounts;

/// <summary>The sign-in cookie carries the editor's role and scope, which <see cref="EditorAccessor"/> reads back.</summary>
public sealed class EditorClaimsTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    [Fact]
    public async Task A_signed_in_correspondent_carries_the_id_of_their_post()
    {
        var account = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var rabat = await fixture.PostIdAsync("ambassade-rabat");
        using var browser = fixture.Browser();

        var page = await AccountsAppFixture.SignInAsync(browser, account.Email, account.Password, "/compte");
        Assert.Equal("/compte", page.Path);
        Assert.Equal("correspondent", page.TestId("account-role").GetAttribute("data-role"));
        var scope = page.TestId("account-scope");
        Assert.Equal(rabat.ToString(System.Globalization.CultureInfo.InvariantCulture), scope.GetAttribute("data-post-id"));
        Assert.Null(scope.GetAttribute("data-authority-id"));
        Assert.Contains("Rabat", scope.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_principal_of_each_role_gives_back_its_editor()
    {
        var rabat = await fixture.PostIdAsync("ambassade-rabat");
        var woippy = await fixture.AuthorityIdAsync("fr-commune-woippy");
        var correspondent = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var editor = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, authorityKey: "fr-commune-woippy");
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AtlasUser>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
        async Task<Editor?> EditorOf(TestAccount account) =>
            EditorAccessor.From(await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(account.Email))!));

        Assert.Equal(new Editor(correspondent.Id, correspondent.Name, EditorRole.Correspondent, rabat, null), await EditorOf(correspondent));
        Assert.Equal(new Editor(editor.Id, editor.Name, EditorRole.AuthorityEditor, null, woippy), await EditorOf(editor));
        Assert.Equal(new Editor(admin.Id, admin.Name, EditorRole.Administrator, null, null), await EditorOf(admin));
        Assert.Null(EditorAccessor.From(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(EditorAccessor.From(null));
    }
}
