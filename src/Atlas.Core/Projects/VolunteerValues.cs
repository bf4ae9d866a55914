namespace Atlas.Core.Projects;

/// <summary>A volunteer of a project as submitted.</summary>
public sealed class VolunteerValues
{
    /// <summary>The volunteer changed; null for a new one.</summary>
    public int? Id { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Mission { get; set; }
    public string? FieldOfAction { get; set; }
    public string? HostEntity { get; set; }

    public static VolunteerValues Of(Volunteer volunteer) => new()
    {
        Id = volunteer.Id,
        FirstName = volunteer.FirstName,
        LastName = volunteer.LastName,
        Mission = volunteer.Mission,
        FieldOfAction = volunteer.FieldOfAction,
        HostEntity = volunteer.HostEntity,
    };
}
