namespace Atlas.Core.Data.Seeding;

/// <summary>A partnership of the demo data files, with its authorities (by key), contacts and projects.</summary>
internal sealed record DemoPartnership(
    string Key, string Title, List<string> Authorities, string? LegalFrame, DateOnly? SignedOn, int? SignedYear, string? Status,
    string? History, string? Domains, string? Source, List<DemoContact>? Contacts, List<DemoProject>? Projects);
