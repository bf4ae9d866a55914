namespace Atlas.Core.Domain;

// Stored as kebab-case codes (see EnumCode), so the names below are also the public codes of the API.

public enum AuthorityKind
{
    Commune, Departement, Region, CommunauteUrbaine, CommunauteAgglomeration, Metropole,
    CommuneUrbaine, CommuneRurale, Province, Prefecture, ConseilRegional, Gouvernorat,
    UnionMunicipalites, Cercle, Wilaya, Land, Other,
}

public enum OrganisationKind { Association, Ngo, University, Agency, Ministry, Programme, Company, School, Other }

public enum PartnershipStatus { Active, Ended, Unknown }

public enum ProjectStatus { Planned, Ongoing, Completed }

/// <summary>What a participant does in a project (maître d'ouvrage, maître d'œuvre…).</summary>
public enum ParticipantRole
{
    Owner, OwnerAssistant, Implementer, Beneficiary, ForeignPartner, FrenchPartner, OtherPartnerFrance, OtherPartnerAbroad,
}

public enum ContactRole { Correspondent, Cocac, Other }
