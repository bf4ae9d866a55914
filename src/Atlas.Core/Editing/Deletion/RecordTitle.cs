namespace Atlas.Core.Editing.Deletion;

/// <summary>A record as a deletion page names it: its title and the version the deletion is made from.</summary>
public sealed record RecordTitle(string Title, uint Version);
