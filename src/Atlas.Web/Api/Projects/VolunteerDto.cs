namespace Atlas.Web.Api.Projects;

/// <summary>A volunteer (VSI, service civique…).</summary>
/// <param name="Name">First and last name.</param>
/// <param name="Mission">Mission.</param>
/// <param name="FieldOfAction">Field of action.</param>
/// <param name="HostEntity">Host entity.</param>
public sealed record VolunteerDto(string Name, string? Mission, string? FieldOfAction, string? HostEntity);
