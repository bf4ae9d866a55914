namespace Atlas.Core.Data.Seeding;

/// <summary>An organisation of the demo data files, found again by its key.</summary>
internal sealed record DemoOrganisation(string Key, string Name, string? Kind, string? Country, string? City, string? Website);
