namespace Atlas.Core.Editing;

/// <summary>One field of a change: its value before and after, as text (null: no value).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
