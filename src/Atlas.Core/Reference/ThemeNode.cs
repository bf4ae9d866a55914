namespace Atlas.Core.Reference;

public sealed record ThemeNode(int Id, string Key, string Name, int Level, int? ParentId, int SortOrder);
