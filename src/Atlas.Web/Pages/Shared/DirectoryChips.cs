namespace Atlas.Web.Pages.Shared;

/// <summary>The filters in force on a directory page, each with the link to the same page without it, and the link that clears them all.</summary>
public sealed record DirectoryChips(IReadOnlyList<(string Label, string Url)> Chips, string ClearUrl);
