namespace Atlas.Web.Api.Stats;

/// <summary>What one year counts.</summary>
/// <param name="Year">The year; null for records whose year is not known.</param>
/// <param name="ProjectCount">Projects that started that year.</param>
/// <param name="PartnershipCount">Partnerships signed that year.</param>
public sealed record StatsYearDto(int? Year, int ProjectCount, int PartnershipCount);
