using Atlas.Web.Hosting;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.Extensions.FileProviders;

namespace Atlas.Web.Tests.Identity;

/// <summary>
/// The operator's identity comes from Atlas:Operator: unset, the pages speak for an unnamed operator; set, they show its name,
/// logo, contact and legal notice; wrong, the app refuses to start and says why.
/// </summary>
public sealed class OperatorIdentityTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_settings_the_pages_speak_for_an_unnamed_operator()
    {
        await using var app = await AtlasApp.StartAsync(database);
        var home = await app.GetDocumentAsync("/");
        Assert.Equal("Atlas de la coopération décentralisée", home.QuerySelector("h1")!.TextContent);
        Assert.Equal("Accueil – Atlas de la coopération décentralisée", home.Title);
        Assert.Null(home.QuerySelector(".brand img"));

        var legal = await app.GetDocumentAsync("/mentions-legales");
        Assert.Contains("publié par l'exploitant de ce site", legal.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, legal.QuerySelectorAll("[data-testid='not-configured']").Length);
        Assert.NotNull((await app.GetDocumentAsync("/contact")).QuerySelector("[data-testid='operator-contact-missing']"));
        Assert.Contains("non conforme", (await app.GetDocumentAsync("/accessibilite")).Text("accessibility-status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_the_pages_show_the_operator_its_logo_its_contact_and_its_legal_notice()
    {
        var logo = Path.Combine(Path.GetTempPath(), $"atlas-logo-{Guid.NewGuid():N}.svg");
        await File.WriteAllTextAsync(logo, "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10'/></svg>", Ct);
        try
        {
            await using var app = await AtlasApp.StartAsync(database, new Dictionary<string, string>
            {
                ["Atlas:Operator:Name"] = "Atlas de la coopération de l'Exemple",
                ["Atlas:Operator:ShortName"] = "Atlas Exemple",
                ["Atlas:Operator:Organisation"] = "la Région Exemple",
                ["Atlas:Operator:LogoPath"] = logo,
                ["Atlas:Operator:ContactEmail"] = "atlas@exemple.fr",
                ["Atlas:Operator:ContactUrl"] = "https://www.exemple.fr/contact",
                ["Atlas:Operator:PersonalDataContact"] = "Délégué à la protection des données, dpd@exemple.fr",
                ["Atlas:Operator:LegalNotice:Publisher"] = "Région Exemple\n1 place de la République, 00000 Exemple",
                ["Atlas:Operator:LegalNotice:Host"] = "Hébergeur Exemple, 2 rue du Serveur",
                ["Atlas:Operator:AccessibilityStatus"] = "partiellement conforme",
                ["Atlas:Operator:AccessibilityAudit"] = "audit du 3 mars 2026 par l'équipe Exemple, 82 % des critères respectés.",
            });

            var home = await app.GetDocumentAsync("/");
            Assert.Equal("Atlas de la coopération de l'Exemple", home.QuerySelector("h1")!.TextContent);
            Assert.Equal(OperatorIdentity.DiskLogoPath, home.QuerySelector(".brand img")!.GetAttribute("src"));
            Assert.Equal("Atlas Exemple", home.QuerySelector("meta[name='application-name']")!.GetAttribute("content"));
            Assert.Contains("Accessibilité : partiellement conforme", home.TestId("footer-legal").TextContent, StringComparison.Ordinal);

            using var client = app.CreateClient();
            using var served = await client.GetAsync(OperatorIdentity.DiskLogoPath, Ct);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);

            var contact = await app.GetDocumentAsync("/contact");
            PageAssertions.IsClean(contact);
            Assert.Contains("atlas [at] exemple.fr", contact.Text("operator-contact"), StringComparison.Ordinal);
            Assert.NotNull(contact.QuerySelector("a[href='https://www.exemple.fr/contact']"));

            var legal = await app.GetDocumentAsync("/mentions-legales");
            PageAssertions.IsClean(legal);
            Assert.Equal(2, legal.QuerySelector("#editeur + .legal-lines")!.QuerySelectorAll("br").Length + 1);
            Assert.Single(legal.QuerySelectorAll("[data-testid='not-configured']")); // the publication director only

            var privacy = await app.GetDocumentAsync("/donnees-personnelles");
            PageAssertions.IsClean(privacy);
            Assert.Equal("Délégué à la protection des données, dpd [at] exemple.fr", privacy.Text("personal-data-contact"));
            Assert.Contains("audit du 3 mars 2026", (await app.GetDocumentAsync("/accessibilite")).Body!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(logo);
        }
    }

    [Fact]
    public async Task A_logo_under_wwwroot_is_served_from_there()
    {
        await using var app = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:Operator:LogoPath"] = "favicon.svg" });
        Assert.Equal("/favicon.svg", (await app.GetDocumentAsync("/")).QuerySelector(".brand img")!.GetAttribute("src"));
    }

    [Theory]
    [InlineData("LogoPath", "img/nulle-part.svg", "no file")]
    [InlineData("LogoPath", "/etc/hostname", "SVG, PNG, WebP or JPEG")]
    [InlineData("ContactEmail", "pas une adresse", "one e-mail address")]
    [InlineData("ContactUrl", "www.exemple.fr", "absolute http or https")]
    [InlineData("SourceUrl", "javascript:alert(1)", "absolute http or https")]
    [InlineData("AccessibilityStatus", "conforme à 80 %", "must be one of")]
    [InlineData("AccessibilityStatus", "totalement conforme", "AccessibilityAudit must say")]
    public void Wrong_settings_are_refused_with_the_reason(string setting, string value, string reason)
    {
        var options = new OperatorOptions();
        typeof(OperatorOptions).GetProperty(setting)!.SetValue(options, value);
        var problem = Assert.Single(OperatorIdentity.Problems(options, new NullFileProvider()));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.StartsWith("Atlas:Operator:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_does_not_start_with_a_missing_logo()
    {
        await using var app = new AtlasApp(await database.CreateDemoDatabaseAsync(), new Dictionary<string, string> { ["Atlas:Operator:LogoPath"] = "img/nulle-part.svg" });
        var failure = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Atlas:Operator:LogoPath: no file « img/nulle-part.svg »", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_name_no_one()
    {
        var identity = OperatorIdentity.From(new OperatorOptions(), new NullFileProvider());
        Assert.Equal("Atlas de la coopération décentralisée", identity.Name);
        Assert.Equal("l'exploitant de ce site", identity.Organisation);
        Assert.Equal("L'exploitant de ce site", identity.OrganisationCapitalised);
        Assert.False(identity.IsNamed);
        Assert.False(identity.HasContact);
        Assert.Null(identity.LogoUrl);
        Assert.Equal("non conforme", identity.AccessibilityStatus);
    }
}
