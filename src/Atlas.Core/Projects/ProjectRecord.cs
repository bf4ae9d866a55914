namespace Atlas.Core.Projects;

/// <summary>A project with everything its public record shows, and the embassies that follow its partner countries.</summary>
/// <param name="LastEditedAt">
/// When an editor last changed the project or one of its lines, from its history; null for a record never edited since it
/// was loaded (its UpdatedAt is then the load's time, which « Mis à jour le » must not show).
/// </param>
public sealed record ProjectRecord(Project Project, IReadOnlyList<DiplomaticPost> Posts, DateTimeOffset? LastEditedAt = null);
