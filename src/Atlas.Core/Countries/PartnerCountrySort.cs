namespace Atlas.Core.Countries;

/// <summary>The orders of the country directory: by name in French order, or by a count, largest first.</summary>
public enum PartnerCountrySort { Name, Partnerships, Projects }
