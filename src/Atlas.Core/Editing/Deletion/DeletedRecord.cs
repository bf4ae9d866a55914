namespace Atlas.Core.Editing.Deletion;

/// <summary>A deleted record as the administrators' bin lists it: what, when, by whom, and what it belonged to.</summary>
public sealed record DeletedRecord(RecordKind Kind, int Id, string Title, string? Owner, DateTimeOffset DeletedAt, string? DeletedBy);
