namespace Atlas.Web.Api.Projects;

/// <summary>A volunteer working on a project, as edited.</summary>
/// <param name="Id">The volunteer changed; null or left out for a new one.</param>
/// <param name="FirstName">First name; a first or last name is required.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Mission">The mission, at most 500 characters.</param>
/// <param name="FieldOfAction">Where the volunteer acts, at most 300 characters.</param>
/// <param name="HostEntity">The hosting body, at most 300 characters.</param>
public sealed record VolunteerEditDto(int? Id, string? FirstName, string? LastName, string? Mission, string? FieldOfAction, string? HostEntity);
