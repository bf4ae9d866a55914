namespace Atlas.Web.Api.Stats;

/// <summary>Projects of one calendar year, by the rule of the statistics page (docs/portal.md, « Règles de calcul »).</summary>
/// <param name="Year">The year.</param>
/// <param name="Started">Projects that started that year.</param>
/// <param name="Ongoing">Projects going on through it: started before and ending after; with no end year, « en cours » and started at most three years before.</param>
/// <param name="Ended">Projects whose end year it is.</param>
public sealed record StatsActivityDto(int Year, int Started, int Ongoing, int Ended);
