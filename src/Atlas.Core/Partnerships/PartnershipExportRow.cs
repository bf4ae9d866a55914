namespace Atlas.Core.Partnerships;

/// <summary>
/// A row of partnerships.csv: the partnership as stored (the columns read its fields, rather than a copy of each) and what
/// the export adds to it: its partner countries, their French names and its count of projects.
/// </summary>
public sealed record PartnershipExportRow(Partnership Partnership, IReadOnlyList<string> CountryCodes, IReadOnlyList<string> CountryNames, int ProjectCount);
