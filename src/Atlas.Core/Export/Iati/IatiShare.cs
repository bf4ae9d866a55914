namespace Atlas.Core.Export.Iati;

internal sealed record IatiShare(string Code, decimal Percentage);
