namespace Atlas.Core.Data.Seeding;

/// <summary>A diplomatic post of the demo data files (posts.json), with the countries it follows and its contacts.</summary>
internal sealed record DemoPost(string Key, string Name, string? City, List<string> Countries, List<DemoContact>? Contacts);
