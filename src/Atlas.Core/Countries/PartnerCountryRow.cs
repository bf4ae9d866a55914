namespace Atlas.Core.Countries;

/// <summary>A partner country with how many partnerships (each once) and projects it has.</summary>
public sealed record PartnerCountryRow(string Code, string Name, int Partnerships, int Projects);
