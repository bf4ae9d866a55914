namespace Atlas.Core.Projects;

/// <summary>A numbered page of the portal's results.</summary>
public sealed record ProjectPage(int Limit, int Offset = 0);
