namespace Atlas.Core.Export.Iati;

/// <param name="Note">Where an inferred date comes from, in French; null for the project's own dates.</param>
internal sealed record IatiDate(string Type, DateOnly Date, string? Note);
