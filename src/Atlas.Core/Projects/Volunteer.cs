namespace Atlas.Core.Projects;

/// <summary>A volunteer (VSI, service civique…) working on a project.</summary>
public sealed class Volunteer : ProjectLine
{
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public string? Mission { get; set; }
    public string? FieldOfAction { get; set; }
    public string? HostEntity { get; set; }
}
