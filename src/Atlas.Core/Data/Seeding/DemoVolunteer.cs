namespace Atlas.Core.Data.Seeding;

/// <summary>A volunteer of a demo project.</summary>
internal sealed record DemoVolunteer(string? LastName, string? FirstName, string? Mission, string? FieldOfAction, string? HostEntity);
