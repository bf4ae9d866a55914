using Atlas.Core.DiplomaticPosts;

namespace Atlas.Core.Projects;

/// <summary>A project with everything its public record shows, and the embassies that follow its partner countries.</summary>
public sealed record ProjectRecord(Project Project, IReadOnlyList<DiplomaticPost> Posts);
