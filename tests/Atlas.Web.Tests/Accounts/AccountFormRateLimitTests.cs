using Atlas.Web.Hosting;
using Atlas.Web.Pages.Compte;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Accounts;

/// <summary>
/// The per-client-IP limit on the account forms' POSTs holds across web instances, its counters being in PostgreSQL. The
/// instances' clock stands still, so that every request falls in one window whatever the real time, then moves a minute on.
/// </summary>
public sealed class AccountFormRateLimitTests(TestDatabase database)
{
    private const int Limit = 4;
    private const string Client = "203.0.113.7";
    private const string OtherClient = "198.51.100.20";

    [Fact]
    public async Task Past_the_limit_every_instance_answers_the_account_forms_429_in_french_until_the_next_minute()
    {
        var clock = FixedClock.MidMinute();
        await using var first = await AtlasApp.StartAsync(database, new Dictionary<string, string> { [AccountFormRateLimitAttribute.Setting] = $"{Limit}" },
            s => s.AddSingleton<TimeProvider>(clock).AddSingleton<IStartupFilter, TestClientAddress>());
        await using var second = first.AnotherInstance();
        using var a = Browser(first, Client);
        using var b = Browser(second, Client);

        // Sign-in, the two-factor step and the reset request share the limit, whichever instance they reach.
        Assert.Equal(ConnexionModel.WrongCredentials, (await SignInAsync(a)).Text("form-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostWithTokenAsync(b, "/compte/connexion-2fa", new() { ["Code"] = "123456" })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PostWithTokenAsync(a, "/compte/mot-de-passe-oublie", new() { ["Email"] = "personne@test.localhost" })).Status);
        Assert.Equal(ConnexionModel.WrongCredentials, (await SignInAsync(b)).Text("form-error"));
        // Pages are read freely: only posts count.
        for (var i = 0; i < Limit; i++) Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/compte/connexion")).Status);

        var limited = await SignInAsync(a);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("30", limited.Headers["Retry-After"]); // the window ends at the next minute, half a minute away
        Assert.Equal(AccountFormRateLimitAttribute.TooManyAttempts(30), limited.Text("form-error"));
        Assert.Equal("Trop de tentatives : réessayez dans 30 secondes.", limited.Text("form-error"));
        Assert.Equal("personne@test.localhost", limited.Value("Email")); // the form is shown again, as typed
        var reset = await PostWithTokenAsync(b, "/compte/mot-de-passe-oublie", new() { ["Email"] = "personne@test.localhost" });
        Assert.Equal(HttpStatusCode.TooManyRequests, reset.Status);
        Assert.Equal(AccountFormRateLimitAttribute.TooManyAttempts(30), reset.Text("form-error"));

        // Another address is not concerned, nor are the API's requests from this one.
        using (var other = Browser(second, OtherClient))
            Assert.Equal(ConnexionModel.WrongCredentials, (await SignInAsync(other)).Text("form-error"));
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/v1/themes")).Status);

        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(ConnexionModel.WrongCredentials, (await SignInAsync(b)).Text("form-error"));
    }

    [Fact]
    public async Task Without_a_setting_ten_posts_a_minute_are_allowed()
    {
        var clock = FixedClock.MidMinute();
        await using var app = await AtlasApp.StartAsync(database, new Dictionary<string, string> { [AccountFormRateLimitAttribute.Setting] = "" },
            s => s.AddSingleton<TimeProvider>(clock).AddSingleton<IStartupFilter, TestClientAddress>());
        using var browser = Browser(app, Client);
        for (var i = 0; i < AccountFormRateLimitAttribute.DefaultLimit; i++) Assert.Equal(HttpStatusCode.OK, (await SignInAsync(browser)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(browser)).Status);
    }

    private static BrowserSession Browser(AtlasApp app, string address)
    {
        var browser = new BrowserSession(app);
        browser.Client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return browser;
    }

    private static async Task<BrowserPage> SignInAsync(BrowserSession browser)
    {
        var form = await browser.GetAsync("/compte/connexion");
        return await browser.SubmitAsync(form, new() { ["Email"] = "personne@test.localhost", ["Password"] = "pas le bon mot de passe" });
    }

    /// <summary>A POST of these fields with this session's antiforgery token, taken from the sign-in form; redirects not followed.</summary>
    private static async Task<BrowserPage> PostWithTokenAsync(BrowserSession browser, string url, Dictionary<string, string> fields)
    {
        var form = await browser.GetAsync("/compte/connexion");
        var token = form.Form().QuerySelector($"[name='{BrowserSession.AntiforgeryField}']")!.GetAttribute("value")!;
        return await browser.PostAsync(url, [.. fields, new(BrowserSession.AntiforgeryField, token)], followRedirects: false);
    }
}
