namespace Atlas.Web.Pages.Projets;

/// <summary>The French words of the edit and history pages: a recorded field's label, a change's action, a value as people read it.</summary>
public static class EditLabels
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["title"] = "Titre",
        ["status"] = "Statut",
        ["firstSignatureYear"] = "Année de première signature",
        ["startYear"] = "Année de début",
        ["startDate"] = "Date de début",
        ["endYear"] = "Année de fin",
        ["endDate"] = "Date de fin",
        ["context"] = "Contexte",
        ["history"] = "Historique",
        ["objectives"] = "Objectifs",
        ["description"] = "Description détaillée",
        ["form"] = "Forme de l'action",
        ["beneficiaries"] = "Bénéficiaires",
        ["totalCostAmount"] = "Coût total",
        ["totalCostCurrency"] = "Monnaie du coût total",
        ["isTriennial"] = "Partenariat triennal",
        ["communicationInFrance"] = "Communication en France",
        ["communicationInPartnerCountry"] = "Communication dans le pays partenaire",
        ["evaluationPolicy"] = "Politique d'évaluation",
        ["partnershipId"] = "Partenariat",
        ["key"] = "Clé",
        ["source"] = "Source",
        ["projectId"] = "Projet",
        ["funderAuthorityId"] = "Financeur (collectivité)",
        ["funderOrganisationId"] = "Financeur (organisme)",
        ["amount"] = "Montant",
        ["currencyCode"] = "Monnaie",
        ["waterLawAmount"] = "Dont 1 % eau",
        ["year"] = "Année",
        ["note"] = "Précisions",
        ["sortOrder"] = "Ordre",
        ["isMain"] = "Thématique principale",
        ["priority"] = "Priorité",
        ["role"] = "Rôle",
        ["localAuthorityId"] = "Collectivité",
        ["organisationId"] = "Organisme",
        ["firstName"] = "Prénom",
        ["lastName"] = "Nom",
        ["mission"] = "Mission",
        ["fieldOfAction"] = "Lieu d'action",
        ["hostEntity"] = "Structure d'accueil",
        ["function"] = "Fonction",
        ["email"] = "Courriel",
        ["phone"] = "Téléphone",
        ["legalFrame"] = "Cadre juridique",
        ["signedOn"] = "Date de signature",
        ["signedYear"] = "Année de signature",
        ["domains"] = "Domaines",
        ["name"] = "Nom",
        ["alternateNames"] = "Autres noms",
        ["kind"] = "Type",
        ["countryCode"] = "Pays",
        ["regionCode"] = "Région",
        ["departmentCode"] = "Département",
        ["inseeCode"] = "Code INSEE",
        ["siren"] = "Numéro SIREN",
        ["population"] = "Population",
        ["populationYear"] = "Année de la population",
        ["leaderName"] = "Nom de l'exécutif",
        ["leaderTitle"] = "Titre de l'exécutif",
        ["website"] = "Site internet",
        ["city"] = "Ville",
        ["sourceLabel"] = "Libellé d'origine",
    };

    public static string Field(string? field) => field is null ? "" : Fields.GetValueOrDefault(field, field);

    public static string Action(ChangeAction action) => action switch
    {
        ChangeAction.Created => "Ajout",
        ChangeAction.Updated => "Modification",
        ChangeAction.Deleted => "Suppression",
        ChangeAction.Restored => "Restauration",
        _ => action.ToString(),
    };

    /// <summary>A recorded value as text a person reads: yes/no, a status's name, "(vide)" for nothing.</summary>
    public static string Value(string? field, string? value) => (field, value) switch
    {
        (_, null) => "(vide)",
        (_, "true") => "oui",
        (_, "false") => "non",
        ("status", _) when EnumCode<ProjectStatus>.TryParse(value, out var status) => Labels.Status(status),
        _ => value,
    };
}
