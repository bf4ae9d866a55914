namespace Atlas.Core.Organisations;

/// <summary>An organisation with the projects it takes part in or funds.</summary>
public sealed record OrganisationRecord(Organisation Organisation, IReadOnlyList<OrganisationProject> Projects);
