namespace Atlas.Core.Figures;

/// <summary>Partnerships signed in one year (null: year unknown).</summary>
public sealed record YearCount(int? Year, int Count);
