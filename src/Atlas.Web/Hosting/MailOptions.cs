using MailKit.Security;

namespace Atlas.Web.Hosting;

/// <summary>Where the portal's mail goes: an SMTP server when <see cref="SmtpHost"/> is set, otherwise a pickup folder.</summary>
public sealed class MailOptions
{
    public const string Section = "Atlas:Mail";

    /// <summary>Where messages are written, one .eml file each, when no SMTP server is configured (or it refused a message); a folder under the system's temp directory by default.</summary>
    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "atlas-mail");

    public string From { get; set; } = "ne-pas-repondre@atlas.localhost";

    /// <summary>The SMTP server's host name; empty: no SMTP, the pickup folder.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>TLS towards the server: StartTls (port 587), SslOnConnect (port 465), StartTlsWhenAvailable, Auto or None (a relay on the same host).</summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Empty: the server is not asked to authenticate the portal.</summary>
    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }
}
