namespace Atlas.Core.Countries;

/// <summary>A record a page links to by its name.</summary>
public sealed record NamedRecord(int Id, string Name);
