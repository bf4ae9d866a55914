namespace Atlas.Core.Figures;

/// <summary>How many records have both codes (each record once per pair): a country and a status, a region and a status, a country and a region.</summary>
public sealed record PairCount(string First, string Second, int Count);
