namespace Atlas.Core.Editing;

public sealed record FieldDifference(string Field, string? Before, string? After);
