using Atlas.Browser.Tests.Infrastructure;
using Atlas.Core.AccountRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests;

/// <summary>
/// The Rabat correspondent decides an account request for Woippy at /espace/demandes in a real headless Chromium: a refusal
/// without a reason is refused beside the box, then the request is accepted. Screenshots at 1280 and 375 px, checked with axe.
/// </summary>
public sealed class BrowserAccountRequestTests(ServedApp served) : BrowserTest, IClassFixture<ServedApp>
{
    [Fact]
    public async Task The_Rabat_correspondent_sees_a_request_for_Woippy_is_told_a_refusal_needs_a_reason_and_accepts_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await served.CreateCorrespondentAsync("ambassade-rabat", "Rim Correspondante");
        var email = $"lea.martin-{Guid.NewGuid():N}@woippy.test";
        await using (var db = served.CreateContext())
        {
            var woippy = await db.LocalAuthorities.Where(a => a.Key == "fr-commune-woippy").Select(a => a.Id).SingleAsync(ct);
            db.AccountRequests.Add(new AccountRequest
            {
                SubmittedAt = DateTimeOffset.UtcNow, DisplayName = "Léa Martin", Email = email,
                Position = "Chargée de mission relations internationales", LocalAuthorityId = woippy, Status = AccountRequestStatus.Pending,
            });
            await db.SaveChangesAsync(ct);
        }

        await using var context = await Browser.NewContextAsync(new() { BaseURL = served.BaseAddress.ToString(), Locale = "fr-FR" });
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/compte/connexion");
        await page.FillAsync("[name='Email']", account.Email);
        await page.FillAsync("[name='Password']", account.Password);
        await page.ClickAsync("form.account-form button[type='submit']");
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));

        await page.GotoAsync("/espace/demandes");
        var request = page.Locator("[data-testid='account-request']").Filter(new() { HasText = email });
        Assert.Equal(1, await request.CountAsync());
        await Screenshots.TakeAsync(page, "demandes");
        await AssertAxeCleanAsync(page);

        await request.Locator("[data-testid='refuse-form'] button[type='submit']").ClickAsync();
        Assert.Equal("Dites à la personne pourquoi sa demande est refusée.",
            (await page.Locator("[data-testid='field-error-reason']").InnerTextAsync()).Trim());
        await page.SetViewportSizeAsync(375, 812);
        await Screenshots.TakeAsync(page, "demandes-refus-sans-raison");
        await AssertAxeCleanAsync(page);

        await page.Locator("[data-testid='account-request']").Filter(new() { HasText = email })
            .Locator("[data-testid='accept-form'] button[type='submit']").ClickAsync();
        Assert.Contains($"lui est envoyé à {email}", await page.Locator("[data-testid='notice']").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "demandes-acceptee");
        await using var check = served.CreateContext();
        Assert.True(await check.Users.AnyAsync(u => u.Email == email, ct));
    }

    private static async Task AssertAxeCleanAsync(IPage page)
    {
        var violations = await Axe.CheckAsync(page);
        foreach (var v in violations) TestContext.Current.TestOutputHelper?.WriteLine(v.ToString());
        Assert.DoesNotContain(violations, v => v.IsBlocking);
    }
}
