namespace Atlas.Core.Export.Iati;

internal sealed record IatiBudget(DateOnly Start, DateOnly End, decimal Amount, string Currency);
