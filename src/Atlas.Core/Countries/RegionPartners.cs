namespace Atlas.Core.Countries;

/// <summary>The French partners of one region (by the authority's own region code): how many, and the first of them by name.</summary>
public sealed record RegionPartners(string? RegionCode, string RegionName, IReadOnlyList<LocalAuthority> Authorities, int Count);
