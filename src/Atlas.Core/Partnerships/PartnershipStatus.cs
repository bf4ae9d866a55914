namespace Atlas.Core.Partnerships;

// Stored as kebab-case codes (see EnumCode), so its names are also the public codes of the API. Planned (« en projet ») and
// Suspended (« suspendu ») are the répertoire's own words for a partnership being set up and one put on hold.
public enum PartnershipStatus { Active, Ended, Unknown, Planned, Suspended }
