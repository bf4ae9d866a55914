namespace Atlas.Core;

/// <summary>French labels of the codes a public page prints.</summary>
public static class Labels
{
    public static string Status(ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "En projet",
        ProjectStatus.Ongoing => "En cours",
        ProjectStatus.Completed => "Terminé",
        _ => status.ToString(),
    };

    public static string Status(PartnershipStatus status) => status switch
    {
        PartnershipStatus.Active => "Actif",
        PartnershipStatus.Ended => "Terminé",
        PartnershipStatus.Planned => "En projet",
        PartnershipStatus.Suspended => "Suspendu",
        _ => "Statut non renseigné",
    };

    public static string Role(ParticipantRole role) => role switch
    {
        ParticipantRole.Owner => "Maître d'ouvrage",
        ParticipantRole.OwnerAssistant => "Assistant à maîtrise d'ouvrage",
        ParticipantRole.Implementer => "Maître d'œuvre",
        ParticipantRole.Beneficiary => "Bénéficiaire",
        ParticipantRole.ForeignPartner => "Partenaire étranger",
        ParticipantRole.FrenchPartner => "Collectivité territoriale partenaire",
        ParticipantRole.OtherPartnerFrance => "Autre partenaire en France",
        ParticipantRole.OtherPartnerAbroad => "Autre partenaire dans le pays partenaire",
        _ => role.ToString(),
    };

    public static string Kind(AuthorityKind kind) => kind switch
    {
        AuthorityKind.Commune => "Commune",
        AuthorityKind.Departement => "Département",
        AuthorityKind.Region => "Région",
        AuthorityKind.CommunauteUrbaine => "Communauté urbaine",
        AuthorityKind.CommunauteAgglomeration => "Communauté d'agglomération",
        AuthorityKind.Metropole => "Métropole",
        AuthorityKind.CommuneUrbaine => "Commune urbaine",
        AuthorityKind.CommuneRurale => "Commune rurale",
        AuthorityKind.Province => "Province",
        AuthorityKind.Prefecture => "Préfecture",
        AuthorityKind.ConseilRegional => "Conseil régional",
        AuthorityKind.Gouvernorat => "Gouvernorat",
        AuthorityKind.UnionMunicipalites => "Union de municipalités",
        AuthorityKind.Cercle => "Cercle",
        AuthorityKind.Wilaya => "Wilaya",
        AuthorityKind.Land => "Land",
        _ => "Autre collectivité",
    };

    public static string Role(ContactRole role) => role switch
    {
        ContactRole.Correspondent => "Correspondant coopération décentralisée",
        ContactRole.Cocac => "Conseiller de coopération et d'action culturelle",
        _ => "Contact",
    };
}
