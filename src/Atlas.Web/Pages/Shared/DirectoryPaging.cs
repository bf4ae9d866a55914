namespace Atlas.Web.Pages.Shared;

/// <summary>What the numbered pages of a directory need: its query (for the links) and how many pages there are.</summary>
public sealed record DirectoryPaging(DirectoryQuery Query, int PageCount, string Label);
