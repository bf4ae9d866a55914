namespace Atlas.Web.Map;

/// <summary>
/// The credit a set of outlines is owed, in words for a reader ("Natural Earth (domaine public)"), never a package name:
/// what it draws (<paramref name="Subject"/>, "pays"), its author or source, and its licence, each with a link when there is one.
/// </summary>
public sealed record MapCredit(string Subject, string Source, string? SourceUrl, string Licence, string? LicenceUrl);
