using Atlas.Core.Mail;
using Atlas.Web.Hosting;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace Atlas.Web.Tests.Mail;

/// <summary>The portal's mail through MailKit: to the SMTP server when one is configured, into the pickup folder otherwise or when it refuses.</summary>
public sealed class MailDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly OutgoingMail Sample = new("lea.martin@woippy.test", "Léa Martin", "account-request-accepted",
        "Votre demande de compte est acceptée", "Votre compte d’éditeur pour Woippy est ouvert.", "https://atlas.test/compte/reinitialiser?code=abc");

    [Fact]
    public async Task With_an_SMTP_server_configured_the_message_goes_to_it_and_not_to_the_folder()
    {
        await using var server = new FakeSmtpServer();
        var folder = NewFolder();
        await Delivery(folder, server.Port, new LogCapture()).SendAsync(Sample, Ct);

        var raw = Assert.Single(server.Messages);
        using var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)), Ct);
        Assert.Equal("lea.martin@woippy.test", message.To.Mailboxes.Single().Address);
        Assert.Equal("Votre demande de compte est acceptée – " + OperatorOptions.DefaultName, message.Subject);
        Assert.Equal("account-request-accepted", message.Headers[MailDelivery.KindHeader]);
        Assert.Contains("https://atlas.test/compte/reinitialiser?code=abc", message.TextBody, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_message_the_SMTP_server_refuses_is_kept_in_the_pickup_folder_and_the_failure_logged()
    {
        await using var server = new FakeSmtpServer(refuse: true);
        var folder = NewFolder();
        var logs = new LogCapture();
        try
        {
            await Delivery(folder, server.Port, logs).SendAsync(Sample, Ct);

            Assert.Empty(server.Messages);
            var kept = PickedUpMail.Read(Assert.Single(Directory.GetFiles(folder)));
            Assert.Equal("lea.martin@woippy.test", kept.To);
            Assert.Equal(Sample.Link, kept.Link);
            var error = Assert.Single(logs.At(LogEventLevel.Error));
            Assert.Contains("kept in the pickup folder", error, StringComparison.Ordinal);
            Assert.DoesNotContain("code=abc", error, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_an_SMTP_server_the_message_is_one_plain_file_with_greeting_text_link_and_signature()
    {
        var folder = NewFolder();
        try
        {
            await Delivery(folder, smtpPort: null, new LogCapture()).SendAsync(Sample, Ct);

            var path = Assert.Single(Directory.GetFiles(folder));
            var mail = PickedUpMail.Read(path);
            Assert.Equal("Bonjour Léa Martin,\n\nVotre compte d’éditeur pour Woippy est ouvert.\n\n" +
                "https://atlas.test/compte/reinitialiser?code=abc\n\n-- \n" + OperatorOptions.DefaultName + "\n", mail.Text);
            var raw = await File.ReadAllTextAsync(path, Ct);
            Assert.Contains("Content-Type: text/plain; charset=utf-8", raw, StringComparison.Ordinal);
            // The link is one whole line of the raw file, not cut by a transfer encoding.
            Assert.Contains("\r\nhttps://atlas.test/compte/reinitialiser?code=abc\r\n", raw, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), $"atlas-mail-delivery-{Guid.NewGuid():N}");

    private static MailDelivery Delivery(string folder, int? smtpPort, LogCapture logs)
    {
        var loggers = LoggerFactory.Create(b => b.AddSerilog(new Serilog.LoggerConfiguration().WriteTo.Sink(logs).CreateLogger(), dispose: true));
        var options = new MailOptions { PickupDirectory = folder };
        if (smtpPort is { } port)
        {
            options.SmtpHost = "127.0.0.1";
            options.SmtpPort = port;
            options.SmtpSecurity = SecureSocketOptions.None;
        }
        return new MailDelivery(Options.Create(options), TimeProvider.System, loggers.CreateLogger<MailDelivery>(),
            OperatorIdentity.From(new OperatorOptions(), new Microsoft.Extensions.FileProviders.NullFileProvider()));
    }
}
