using System.Globalization;
using System.Text;
using Atlas.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Hosting;

/// <summary>
/// No mail server here: each message is written as an RFC 5322 file into a pickup folder, which a mail relay (or a
/// person testing) can take from. Links carry secrets, so they are never logged, and the files are the process owner's
/// alone (0600, in a 0700 folder): the default folder sits in the system's temp folder, which every local user can read.
/// The subject and the signature carry the operator's name (Atlas:Operator:Name), as the pages do.
/// </summary>
public sealed partial class PickupDirectoryEmailSender(
    IOptions<PickupDirectoryEmailOptions> options, TimeProvider time, ILogger<PickupDirectoryEmailSender> logger, OperatorIdentity identity)
    : IEmailSender<AtlasUser>
{

    public Task SendConfirmationLinkAsync(AtlasUser user, string email, string confirmationLink) =>
        WriteAsync(user, email, "confirmation", "Confirmez votre adresse électronique",
            $"Confirmez votre adresse électronique en ouvrant ce lien :\n\n{confirmationLink}\n");

    public Task SendPasswordResetLinkAsync(AtlasUser user, string email, string resetLink) =>
        WriteAsync(user, email, "password-reset", "Choisissez votre mot de passe",
            "Pour choisir un nouveau mot de passe pour votre compte d'éditeur de l'atlas, ouvrez ce lien dans les 24 heures :\n\n" +
            $"{resetLink}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.\n");

    public Task SendPasswordResetCodeAsync(AtlasUser user, string email, string resetCode) =>
        WriteAsync(user, email, "password-reset-code", "Code de réinitialisation de votre mot de passe",
            $"Votre code de réinitialisation : {resetCode}\n\nSi vous n'avez rien demandé, ignorez ce message.\n");

    private async Task WriteAsync(AtlasUser user, string email, string kind, string subject, string text)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var message = new StringBuilder()
            .Append("From: ").Append(Header(settings.From)).Append("\r\n")
            .Append("To: ").Append(Header(email)).Append("\r\n")
            .Append("Subject: ").Append(Encoded($"{subject} – {identity.Name}")).Append("\r\n")
            .Append("Date: ").Append(now.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(id).Append("@atlas.localhost>\r\n")
            .Append("X-Atlas-Message: ").Append(kind).Append("\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(($"Bonjour {OneLine(user.DisplayName)},\n\n{text}\n-- \n{identity.Name}\n").ReplaceLineEndings("\r\n"))
            .ToString();

        // Written aside then moved, so that whoever empties the folder never reads half a message.
        var path = Path.Combine(settings.PickupDirectory, $"{now:yyyyMMdd'T'HHmmss'Z'}-{id}.eml");
        await PrivateFiles.WriteAsync(path, new UTF8Encoding(false).GetBytes(message), overwrite: false, logger);
        LogWritten(logger, kind, user.Id, path);
    }

    private static string OneLine(string value) => value.ReplaceLineEndings(" ");

    private static string Header(string value) => OneLine(value).Trim();

    private static string Encoded(string value) => $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(OneLine(value)))}?=";

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the {Kind} message for account {UserId} to {Path}")]
    private static partial void LogWritten(ILogger logger, string kind, int userId, string path);
}
