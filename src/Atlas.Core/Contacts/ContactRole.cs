namespace Atlas.Core.Contacts;

// Stored as kebab-case codes (see EnumCode), so its names are also the public codes of the API.
public enum ContactRole { Correspondent, Cocac, Other }
