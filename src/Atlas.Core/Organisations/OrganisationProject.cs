namespace Atlas.Core.Organisations;

/// <summary>A project an organisation takes part in (in the given roles) or funds.</summary>
public sealed record OrganisationProject(int Id, string Title, ProjectStatus Status, int? StartYear, IReadOnlyList<ParticipantRole> Roles, bool Funds);
