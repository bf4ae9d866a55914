namespace Atlas.Core.Data.Seeding;

/// <summary>A contact of the demo data files.</summary>
internal sealed record DemoContact(
    string? Authority, string? Organisation, string? LastName, string? FirstName, string? Function, string? Email, string? Phone, string? Role);
