using System.Text;
using Atlas.Core.Accounts;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Pages.Compte;

/// <summary>Sends the link that lets a person choose a password: after "mot de passe oublié", or for a new account.</summary>
public sealed class PasswordResetLinks(UserManager<AtlasUser> users, IEmailSender<AtlasUser> mail, IOptions<PickupDirectoryEmailOptions> options)
{
    public const string Path = "/compte/reinitialiser";

    public async Task SendAsync(AtlasUser user, HttpRequest request)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["email"] = user.Email,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        var baseUrl = options.Value.LinkBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        await mail.SendPasswordResetLinkAsync(user, user.Email!, baseUrl + Path + query);
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
}
