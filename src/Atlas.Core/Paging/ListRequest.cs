namespace Atlas.Core.Paging;

/// <summary>What a list is asked for: sort (with its direction), where to continue, how many.</summary>
public sealed record ListRequest(string Sort, bool Descending, KeysetCursor? After, int Limit);
