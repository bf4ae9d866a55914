namespace Atlas.Core.Projects;

// Stored as kebab-case codes (see EnumCode), so its names are also the public codes of the API.
/// <summary>What a participant does in a project (maître d'ouvrage, maître d'œuvre…).</summary>
public enum ParticipantRole
{
    Owner, OwnerAssistant, Implementer, Beneficiary, ForeignPartner, FrenchPartner, OtherPartnerFrance, OtherPartnerAbroad,
}
