namespace Atlas.Core.Statistics;

public sealed record StatisticsTotals(int Projects, int Partnerships, int FundingLines, int PartnerCountries);
