namespace Atlas.Web.Pages.Shared;

/// <summary>A theme as the record's source labelled it, and the same theme's path in the atlas's tree.</summary>
public sealed record ThemeOrigin(string SourceLabel, string TreeLabel);
