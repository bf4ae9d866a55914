namespace Atlas.Core.Partnerships;

// Stored as kebab-case codes (see EnumCode), so its names are also the public codes of the API.
public enum PartnershipStatus { Active, Ended, Unknown }
