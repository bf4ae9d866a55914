using System.Text;
using Atlas.Core.Mail;

namespace Atlas.Web.Pages.Compte;

/// <summary>Sends the link that lets a person choose a password: after "mot de passe oublié", or for a new account.</summary>
public sealed partial class PasswordResetLinks(UserManager<AtlasUser> users, IOutgoingMail mail, PublicBaseUrl publicBaseUrl,
    ILogger<PasswordResetLinks> logger)
{
    public const string Path = "/compte/reinitialiser";

    /// <summary>Why no link was sent, as an administrator reads it (a visitor is never told).</summary>
    public const string Unsent = "l'adresse publique du portail n'est pas configurée (réglage " + PublicBaseUrlOptions.EnvironmentVariable +
        ") : prévenez l'équipe qui exploite l'atlas.";

    /// <summary>
    /// Sends the link; false when none may be built (<see cref="PublicBaseUrl"/> unset outside Development), which is logged
    /// as an error: a link is never built from the request's Host header, which anyone can forge.
    /// <paramref name="opening"/> is what the message says first, for a new account (« Votre compte … est ouvert »); a reset
    /// request's message when null.
    /// </summary>
    public async Task<bool> SendAsync(AtlasUser user, HttpRequest request, string? opening = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        if (publicBaseUrl.For(request) is not { } baseUrl)
        {
            LogNotSent(logger, user.Id, PublicBaseUrlOptions.EnvironmentVariable);
            return false;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["email"] = user.Email,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        var link = baseUrl + Path + query;
        var message = opening is null
            ? new OutgoingMail(user.Email!, user.DisplayName, "password-reset", "Choisissez votre mot de passe",
                "Pour choisir un nouveau mot de passe pour votre compte d’éditeur de l’atlas, ouvrez ce lien dans les 24 heures. " +
                "Si vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.", link)
            : new OutgoingMail(user.Email!, user.DisplayName, "account-created", "Votre compte d’éditeur est ouvert",
                $"{opening}\n\nPour choisir votre mot de passe, ouvrez ce lien dans les 24 heures ; passé ce délai, demandez-en un autre " +
                "depuis « Mot de passe oublié » sur la page de connexion.", link);
        await mail.SendAsync(message, request.HttpContext.RequestAborted);
        return true;
    }

    /// <summary>The token a link carries, or null when the link was cut or altered.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "No password link sent to account {UserId}: {Setting} is not set, and outside Development " +
        "links are never built from the request's Host header")]
    private static partial void LogNotSent(ILogger logger, int userId, string setting);
}
