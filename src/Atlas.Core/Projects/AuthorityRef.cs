namespace Atlas.Core.Projects;

public sealed record AuthorityRef(int Id, string Name, string CountryCode);
