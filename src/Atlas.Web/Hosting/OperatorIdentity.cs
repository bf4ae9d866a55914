using Microsoft.Extensions.FileProviders;

namespace Atlas.Web.Hosting;

/// <summary>
/// The operator's identity as the pages use it (<see cref="OperatorOptions"/> resolved): the defaults of an unnamed operator
/// filled in, the logo's address found, the addresses parsed. Checked once at start-up by <see cref="OperatorOptionsValidator"/>.
/// </summary>
public sealed class OperatorIdentity
{
    /// <summary>Where a logo configured as a file on the server's disk is served.</summary>
    public const string DiskLogoPath = "/operateur/logo";

    private static readonly Dictionary<string, string> LogoTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".svg"] = "image/svg+xml", [".png"] = "image/png", [".webp"] = "image/webp", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
    };

    /// <summary>The three statuses of the RGAA, in its words.</summary>
    public static readonly IReadOnlyList<string> AccessibilityStatuses = ["non conforme", "partiellement conforme", "totalement conforme"];

    private OperatorIdentity(OperatorOptions options, string? logoUrl, string? logoFile)
    {
        Name = Text(options.Name) ?? OperatorOptions.DefaultName;
        ShortName = Text(options.ShortName) ?? OperatorOptions.DefaultShortName;
        IsNamed = Text(options.Organisation) is not null;
        Organisation = Text(options.Organisation) ?? OperatorOptions.DefaultOrganisation;
        LogoUrl = logoUrl;
        LogoFile = logoFile;
        ContactEmail = Text(options.ContactEmail);
        ContactUrl = Address(options.ContactUrl);
        PersonalDataContact = Text(options.PersonalDataContact);
        SourceUrl = Address(options.SourceUrl);
        AccessibilityStatus = Text(options.AccessibilityStatus)?.ToLowerInvariant() ?? AccessibilityStatuses[0];
        AccessibilityAudit = Text(options.AccessibilityAudit);
        Publisher = Lines(options.LegalNotice.Publisher);
        PublicationDirector = Lines(options.LegalNotice.PublicationDirector);
        Host = Lines(options.LegalNotice.Host);
    }

    public string Name { get; }
    public string ShortName { get; }

    /// <summary>Who runs the portal, inside a sentence: the configured organisation, or « l'exploitant de ce site ».</summary>
    public string Organisation { get; }

    /// <summary><see cref="Organisation"/> at the start of a sentence.</summary>
    public string OrganisationCapitalised => string.Concat(Organisation[..1].ToUpperInvariant(), Organisation[1..]);

    /// <summary>Whether the operator named itself; if not, the pages say what it has not filled in.</summary>
    public bool IsNamed { get; }

    /// <summary>The logo's address on this site, or null for none.</summary>
    public string? LogoUrl { get; }

    /// <summary>A logo file on the server's disk, served at <see cref="DiskLogoPath"/>.</summary>
    public string? LogoFile { get; }

    public string? LogoContentType => LogoFile is null ? null : LogoTypes[Path.GetExtension(LogoFile)];

    public string? ContactEmail { get; }
    public Uri? ContactUrl { get; }
    public bool HasContact => ContactEmail is not null || ContactUrl is not null;

    /// <summary>Where to ask about personal data when it differs from the contact.</summary>
    public string? PersonalDataContact { get; }

    public Uri? SourceUrl { get; }

    /// <summary>« non conforme », « partiellement conforme » or « totalement conforme ».</summary>
    public string AccessibilityStatus { get; }

    /// <summary>The audit the status rests on; null when none was made.</summary>
    public string? AccessibilityAudit { get; }

    /// <summary>The lines of the legal notice's parts; empty when not configured.</summary>
    public IReadOnlyList<string> Publisher { get; }
    public IReadOnlyList<string> PublicationDirector { get; }
    public IReadOnlyList<string> Host { get; }

    /// <summary>The identity of these settings; they must have passed <see cref="Problems"/>.</summary>
    public static OperatorIdentity From(OperatorOptions options, IFileProvider webRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(webRoot);
        var (url, file) = FindLogo(Text(options.LogoPath), webRoot);
        return new OperatorIdentity(options, url, file);
    }

    /// <summary>What is wrong with these settings, in words an operator can act on; empty when they are right.</summary>
    public static IReadOnlyList<string> Problems(OperatorOptions options, IFileProvider webRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(webRoot);
        var problems = new List<string>();
        if (Text(options.LogoPath) is { } logo)
        {
            if (!LogoTypes.ContainsKey(Path.GetExtension(logo)))
                problems.Add($"{OperatorOptions.Section}:LogoPath must be an SVG, PNG, WebP or JPEG file (got « {logo} »).");
            else if (FindLogo(logo, webRoot) == (null, null))
                problems.Add($"{OperatorOptions.Section}:LogoPath: no file « {logo} », neither under wwwroot nor on the server's disk.");
        }
        if (Text(options.ContactEmail) is { } email && (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            problems.Add($"{OperatorOptions.Section}:ContactEmail must be one e-mail address, such as contact@example.org (got « {email} »).");
        foreach (var (name, value) in new[] { ("ContactUrl", options.ContactUrl), ("SourceUrl", options.SourceUrl) })
        {
            if (Text(value) is { } text && Address(text) is null)
                problems.Add($"{OperatorOptions.Section}:{name} must be an absolute http or https address (got « {text} »).");
        }
        if (Text(options.AccessibilityStatus) is { } status)
        {
            if (!AccessibilityStatuses.Contains(status.ToLowerInvariant()))
                problems.Add($"{OperatorOptions.Section}:AccessibilityStatus must be one of « {string.Join(" », « ", AccessibilityStatuses)} » (got « {status} »).");
            else if (status.ToLowerInvariant() != AccessibilityStatuses[0] && Text(options.AccessibilityAudit) is null)
                problems.Add($"{OperatorOptions.Section}:AccessibilityAudit must say which audit gives the status « {status} » (the RGAA grants it only after one).");
        }
        return problems;
    }

    private static (string? Url, string? File) FindLogo(string? path, IFileProvider webRoot)
    {
        if (path is null || !LogoTypes.ContainsKey(Path.GetExtension(path))) return (null, null);
        if (Path.IsPathRooted(path) && File.Exists(path)) return (DiskLogoPath, Path.GetFullPath(path));
        var underWebRoot = path.Replace('\\', '/').TrimStart('/');
        return !underWebRoot.Split('/').Contains("..") && webRoot.GetFileInfo(underWebRoot) is { Exists: true, IsDirectory: false }
            ? ("/" + underWebRoot, null) : (null, null);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? Address(string? value) =>
        Text(value) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri : null;

    private static string[] Lines(string? value) =>
        value is null ? [] : value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
}
