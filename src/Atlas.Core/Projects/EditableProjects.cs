namespace Atlas.Core.Projects;

public static class EditableProjects
{
    /// <summary>A project with everything <see cref="ProjectValues.Of"/> reads: load it so, or the values would miss lines.</summary>
    public static IQueryable<Project> WithEditableLines(this IQueryable<Project> projects) => projects.AsSplitQuery()
        .Include(p => p.Fundings).Include(p => p.Themes).Include(p => p.Participants).Include(p => p.Volunteers).Include(p => p.Contacts);
}
