namespace Atlas.Core.Organisations;

// Stored as kebab-case codes (see EnumCode), so its names are also the public codes of the API.
public enum OrganisationKind { Association, Ngo, University, Agency, Ministry, Programme, Company, School, Other }
