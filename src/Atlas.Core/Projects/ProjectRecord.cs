using Atlas.Core.Domain;

namespace Atlas.Core.Projects;

/// <summary>A project with everything its public record shows, and the embassies that follow its partner countries.</summary>
public sealed record ProjectRecord(Project Project, IReadOnlyList<DiplomaticPost> Posts);
