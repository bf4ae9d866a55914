namespace Atlas.Core.Figures;

/// <summary>
/// How many authorities share a country, a kind, a region of their own, their département and its region: a few hundred
/// combinations whatever the number of authorities, from which every select of /collectivites without a name is counted.
/// </summary>
public sealed record AuthorityPlaceCount(string Country, string Kind, string? Region, string? Department, string? DepartmentRegion, int Count);
