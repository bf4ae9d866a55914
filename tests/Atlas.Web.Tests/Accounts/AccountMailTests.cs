using System.Runtime.Versioning;
using Atlas.Core.Mail;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Compte;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace Atlas.Web.Tests.Accounts;

/// <summary>Account mail: its links start from the configured public address only, and its files are the app's alone.</summary>
public sealed class AccountMailTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private const string ForgedHost = "evil.example";
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_forged_Host_header_never_reaches_a_mailed_link()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();

        // The forged header does reach the app: the sign-in challenge, built from the request, carries it.
        using (var challenge = await SendWithHostAsync(browser, new HttpRequestMessage(HttpMethod.Get, "/compte")))
            Assert.Equal(ForgedHost, challenge.Headers.Location!.Host);

        var form = await browser.GetAsync("/compte/mot-de-passe-oublie");
        var fields = BrowserSession.FormValues(form.Form());
        fields.RemoveAll(f => f.Key == "Email");
        fields.Add(new("Email", account.Email));
        using (var sent = await SendWithHostAsync(browser, new HttpRequestMessage(HttpMethod.Post, "/compte/mot-de-passe-oublie") { Content = new FormUrlEncodedContent(fields) }))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var mail = Assert.Single(fixture.MailTo(account.Email));
        Assert.StartsWith(AtlasApp.PublicBaseUrl + PasswordResetLinks.Path + "?email=", mail.Link, StringComparison.Ordinal);
        Assert.DoesNotContain(ForgedHost, mail.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task In_production_without_a_public_address_no_account_mail_is_sent_and_the_page_answers_as_if_it_were()
    {
        var logs = new LogCapture();
        var folder = Path.Combine(Path.GetTempPath(), $"atlas-mail-tests-{Guid.NewGuid():N}");
        await using var unconfigured = new AtlasApp(fixture.App.ConnectionString, new Dictionary<string, string>
        {
            [PublicBaseUrlOptions.Setting] = "",
            ["Atlas:Mail:PickupDirectory"] = folder,
        });
        await using var app = logs.AddTo(unconfigured);
        _ = app.Server;
        var warning = Assert.Single(logs.At(LogEventLevel.Warning), m => m.Contains(PublicBaseUrlOptions.EnvironmentVariable, StringComparison.Ordinal));
        Assert.Contains("no account mail", warning, StringComparison.Ordinal);

        var account = await fixture.CreateAccountAsync();
        using var browser = new BrowserSession(app);
        var known = await RequestResetAsync(browser, account.Email);
        var unknown = await RequestResetAsync(browser, "inconnu@test.localhost");

        Assert.Equal(unknown.Url, known.Url);
        Assert.Equal(unknown.TestId("reset-sent").OuterHtml, known.TestId("reset-sent").OuterHtml);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
        var error = Assert.Single(logs.At(LogEventLevel.Error));
        Assert.Contains(PublicBaseUrlOptions.EnvironmentVariable, error, StringComparison.Ordinal);
        Assert.Contains($"account {account.Id}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://atlas.example.org", true)]
    [InlineData("http://127.0.0.1:5080/", true)]
    [InlineData("https://example.org/atlas", true)]
    [InlineData("", true)]
    [InlineData("atlas.example.org", false)]
    [InlineData("/compte", false)]
    [InlineData("ftp://atlas.example.org", false)]
    [InlineData("https://atlas.example.org/?a=1", false)]
    [InlineData("https://atlas.example.org/?", false)]
    [InlineData("https://atlas.example.org/#haut", false)]
    [InlineData("https://nom:secret@atlas.example.org", false)]
    public void The_public_address_is_an_absolute_http_address_without_query(string value, bool valid) =>
        Assert.Equal(valid, PublicBaseUrlOptions.IsValid(value));

    [Fact]
    public async Task An_invalid_public_address_stops_the_app_at_start_up_naming_the_setting()
    {
        await using var app = new AtlasApp(fixture.App.ConnectionString, new Dictionary<string, string> { [PublicBaseUrlOptions.Setting] = "atlas.example.org" });
        var failure = Assert.ThrowsAny<OptionsValidationException>(() => app.Server);
        Assert.Contains(PublicBaseUrlOptions.EnvironmentVariable, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", null, "http://evil.example")]
    [InlineData("Production", null, null)]
    [InlineData("Staging", null, null)]
    [InlineData("Development", "https://atlas.example.org/", "https://atlas.example.org")]
    [InlineData("Production", "https://example.org/atlas/", "https://example.org/atlas")]
    public void Links_start_from_the_setting_or_only_in_development_from_the_request(string environment, string? setting, string? expected)
    {
        var links = new PublicBaseUrl(Options.Create(new PublicBaseUrlOptions { PublicBaseUrl = setting }),
            new HostingEnvironment { EnvironmentName = environment }, NullLogger<PublicBaseUrl>.Instance);
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString(ForgedHost);
        Assert.Equal(expected, links.For(request));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task Messages_are_written_0600_into_a_folder_created_0700()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"atlas-mail-tests-{Guid.NewGuid():N}", "boite");
        try
        {
            await SendAsync(folder, new LogCapture());

            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
            var message = Assert.Single(Directory.GetFiles(folder));
            Assert.EndsWith(".eml", message, StringComparison.Ordinal);
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(message));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task A_folder_of_the_app_left_open_to_others_is_closed_before_a_message_goes_in()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"atlas-mail-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            var logs = new LogCapture();
            await SendAsync(folder, logs);

            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Assert.Single(Directory.GetFiles(folder))));
            Assert.Contains("was open to other users (mode 755)", Assert.Single(logs.At(LogEventLevel.Warning)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_subject_and_the_signature_carry_the_operators_name()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"atlas-mail-name-{Guid.NewGuid():N}");
        try
        {
            var identity = OperatorIdentity.From(new OperatorOptions { Name = "Atlas de la Région Exemple" }, new Microsoft.Extensions.FileProviders.NullFileProvider());
            var sender = new MailDelivery(Options.Create(new MailOptions { PickupDirectory = folder }), TimeProvider.System,
                NullLogger<MailDelivery>.Instance, identity);
            await sender.SendAsync(new OutgoingMail("personne@test.localhost", "Personne", "test", "Choisissez votre mot de passe", "Un texte.", "https://atlas.test/x"), Ct);

            var mail = PickedUpMail.Read(Assert.Single(Directory.GetFiles(folder)));
            Assert.Equal("Choisissez votre mot de passe – Atlas de la Région Exemple", mail.Subject);
            Assert.Equal("Bonjour Personne,\n\nUn texte.\n\nhttps://atlas.test/x\n\n-- \nAtlas de la Région Exemple\n", mail.Text);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SendAsync(string folder, LogCapture logs)
    {
        using var loggers = LoggerFactory.Create(b => b.AddSerilog(new Serilog.LoggerConfiguration().WriteTo.Sink(logs).CreateLogger(), dispose: true));
        var sender = new MailDelivery(Options.Create(new MailOptions { PickupDirectory = folder }), TimeProvider.System,
            loggers.CreateLogger<MailDelivery>(), OperatorIdentity.From(new OperatorOptions(), new Microsoft.Extensions.FileProviders.NullFileProvider()));
        await sender.SendAsync(new OutgoingMail("personne@test.localhost", "Personne", "password-reset", "Choisissez votre mot de passe", "Un texte.",
            "https://atlas.test/compte/reinitialiser?code=secret"), Ct);
    }

    private static async Task<HttpResponseMessage> SendWithHostAsync(BrowserSession browser, HttpRequestMessage request)
    {
        request.Headers.Host = ForgedHost;
        using (request) return await browser.Client.SendAsync(request, Ct);
    }

    private static async Task<BrowserPage> RequestResetAsync(BrowserSession browser, string email)
    {
        var form = await browser.GetAsync("/compte/mot-de-passe-oublie");
        return await browser.SubmitAsync(form, new() { ["Email"] = email });
    }
}
