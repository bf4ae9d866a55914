namespace Atlas.Core.Projects;

/// <summary>A line of a project's record (a participant, a funding line, a volunteer), deleted and restored with it.</summary>
public abstract class ProjectLine : DeletableRow
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
}
