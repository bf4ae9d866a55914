namespace Atlas.Core.Statistics;

/// <summary>How many projects have these years and this completion, for <see cref="AtlasStatisticsQuery.ActivityByYear"/>.</summary>
public sealed record ProjectYears(int? StartYear, int? EndYear, bool Completed, int Count = 1);
