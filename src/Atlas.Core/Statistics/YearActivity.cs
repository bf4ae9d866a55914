namespace Atlas.Core.Statistics;

/// <summary>Projects of one calendar year: started that year, going on through it (started before, not ended), ended that year.</summary>
public sealed record YearActivity(int Year, int Started, int Ongoing, int Ended);
