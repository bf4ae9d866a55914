namespace Atlas.Core.Projects;

/// <summary>An authority or an organisation whose name matched what was typed in a project form's participant or funder row.</summary>
public sealed record PartyMatch(int Id, string Name, bool IsAuthority);
