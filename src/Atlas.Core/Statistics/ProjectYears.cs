namespace Atlas.Core.Statistics;

/// <summary>How many projects have these years and this status, for <see cref="AtlasStatisticsQuery.ActivityByYear"/>.</summary>
public sealed record ProjectYears(int? StartYear, int? EndYear, ProjectStatus Status, int Count = 1);
