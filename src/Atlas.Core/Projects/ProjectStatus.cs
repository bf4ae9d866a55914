namespace Atlas.Core.Projects;

// Stored as kebab-case codes (see EnumCode), so its names are also the public codes of the API.
public enum ProjectStatus { Planned, Ongoing, Completed }
