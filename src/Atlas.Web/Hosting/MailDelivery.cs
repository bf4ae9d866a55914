using Atlas.Core.Mail;
using MailKit.Net.Smtp;
using MimeKit;

namespace Atlas.Web.Hosting;

/// <summary>
/// Sends the portal's messages with MailKit: to the SMTP server of Atlas:Mail:SmtpHost when set, otherwise as RFC 5322 files
/// in the pickup folder, which a mail relay (or a person testing) takes from. A message the server refuses, or that cannot
/// reach it, is kept in the pickup folder and the failure logged, so that a decision taken on a page never fails for a mail
/// and no link is lost. Links carry secrets, so they are never logged, and the files are the process owner's alone (0600,
/// in a 0700 folder): the default folder sits in the system's temp folder, which every local user can read. The subject
/// and the signature carry the operator's name (Atlas:Operator:Name), as the pages do.
/// </summary>
public sealed partial class MailDelivery(IOptions<MailOptions> options, TimeProvider time, ILogger<MailDelivery> logger, OperatorIdentity identity)
    : IOutgoingMail
{
    /// <summary>The header naming what a message is ("password-reset", "account-request-accepted"…), for relays and tests.</summary>
    public const string KindHeader = "X-Atlas-Message";

    /// <summary>A hung server must not hold a page's request for MailKit's default two minutes.</summary>
    private static readonly TimeSpan SmtpTimeout = TimeSpan.FromSeconds(15);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        using var message = Compose(mail, settings);
        if (!string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            try
            {
                await SendBySmtpAsync(message, settings, cancellationToken);
                LogSent(logger, mail.Kind, settings.SmtpHost);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogSmtpFailed(logger, e, mail.Kind, settings.SmtpHost);
            }
        }
        await WriteToPickupAsync(message, mail.Kind, settings, cancellationToken);
    }

    private MimeMessage Compose(OutgoingMail mail, MailOptions settings)
    {
        var message = new MimeMessage
        {
            Subject = $"{OneLine(mail.Subject)} – {identity.Name}",
            Date = time.GetUtcNow(),
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("atlas.localhost"),
        };
        message.From.Add(new MailboxAddress(identity.Name, settings.From.Trim()));
        message.To.Add(new MailboxAddress(OneLine(mail.ToName).Trim(), mail.ToAddress.Trim()));
        message.Headers.Add(KindHeader, mail.Kind);
        var body = $"Bonjour {OneLine(mail.ToName).Trim()},\n\n{mail.Text.Trim()}\n";
        if (mail.Link is { } link) body += $"\n{link}\n";
        body += $"\n-- \n{identity.Name}\n";
        // 8bit rather than quoted-printable: a long link stays one line, whole, for whoever copies it from the raw file;
        // MailKit re-encodes for a server that does not announce 8BITMIME.
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain)
        {
            Text = body.ReplaceLineEndings("\r\n"),
            ContentTransferEncoding = ContentEncoding.EightBit,
        };
        return message;
    }

    private static async Task SendBySmtpAsync(MimeMessage message, MailOptions settings, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)SmtpTimeout.TotalMilliseconds };
        await client.ConnectAsync(settings.SmtpHost!.Trim(), settings.SmtpPort, settings.SmtpSecurity, ct);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private async Task WriteToPickupAsync(MimeMessage message, string kind, MailOptions settings, CancellationToken ct)
    {
        using var content = new MemoryStream();
        // CRLF as RFC 5322 writes it and relays expect, whatever the platform's own line ending (MimeKit's default follows it).
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, content, ct);
        var now = time.GetUtcNow();
        // Written aside then moved, so that whoever empties the folder never reads half a message.
        var path = Path.Combine(settings.PickupDirectory, $"{now:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}.eml");
        await PrivateFiles.WriteAsync(path, content.GetBuffer().AsMemory(0, (int)content.Length), overwrite: false, logger, ct);
        LogWritten(logger, kind, path);
    }

    private static string OneLine(string value) => value.ReplaceLineEndings(" ");

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the {Kind} message to {Path}")]
    private static partial void LogWritten(ILogger logger, string kind, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the {Kind} message through {Host}")]
    private static partial void LogSent(ILogger logger, string kind, string host);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SMTP server {Host} did not take the {Kind} message: it is kept in the pickup folder instead")]
    private static partial void LogSmtpFailed(ILogger logger, Exception exception, string kind, string host);
}
