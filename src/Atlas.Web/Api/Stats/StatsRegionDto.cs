namespace Atlas.Web.Api.Stats;

/// <summary>What one French region counts.</summary>
/// <param name="Code">INSEE code of the region.</param>
/// <param name="Name">Its name.</param>
/// <param name="ProjectCount">Projects in which an authority of the region takes part.</param>
/// <param name="PartnershipCount">Partnerships of an authority of the region (its own region or its département's).</param>
public sealed record StatsRegionDto(string Code, string Name, int ProjectCount, int PartnershipCount);
