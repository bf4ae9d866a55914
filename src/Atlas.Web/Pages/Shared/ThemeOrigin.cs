namespace Atlas.Web.Pages.Shared;

/// <summary>A theme as the record's source labelled it (one label, or two that landed on the same node), and its path in the atlas's tree.</summary>
public sealed record ThemeOrigin(IReadOnlyList<string> SourceLabels, string TreeLabel);
