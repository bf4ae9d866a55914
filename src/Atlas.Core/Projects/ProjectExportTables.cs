namespace Atlas.Core.Projects;

/// <summary>The columns of the project exports: projects.csv and its child tables, where one row per project would lose data.</summary>
public static class ProjectExportTables
{
    public const string ProjectFilters = "/api/v1/projects";
    internal static readonly IReadOnlyList<ExportForeignKey> ToProjects = [ExportKeys.References("project_id", "projects", "id")];
    private static readonly string[] PartyTypes = [ProjectExport.Authority, ProjectExport.Organisation];

    public static readonly ExportTable<ProjectExportRow> Projects = new(
        new ExportTableInfo("projects", "Projects", "Projets",
            "One row per project (a piece of work, usually inside a partnership between French and foreign local authorities). " +
            "Participants, funding lines and themes are in the child tables, linked by project_id.",
            "Une ligne par projet. Les participants, les financements et les thématiques sont dans les tables liées, par project_id.",
            ProjectFilters, PrimaryKey: ["id"], ForeignKeys: []),
        new ExportColumns<ProjectExportRow>()
            .StableId(p => p.Id, "du projet", "project", "42")
            .String("title", p => p.Title, "Titre du projet", "Title of the project.", "DIGITALCOOP Culture en Méditerranée", required: true)
            .String("status", p => p.Status, "Statut : planned (en projet), ongoing (en cours) ou completed (terminé)",
                "Status: planned, ongoing or completed.", "ongoing", required: true, values: [.. EnumCode<ProjectStatus>.All])
            .Integer("first_signature_year", p => p.FirstSignatureYear, "Année de première signature de la convention",
                "Year the agreement was first signed.", "2012")
            .Integer("start_year", p => p.StartYear, "Année de début", "Year the project started.", "2012")
            .Date("start_date", p => p.StartDate, "Date de début, quand elle est connue au jour près (AAAA-MM-JJ)",
                "Start date, when known to the day.", "2012-03-01")
            .Integer("end_year", p => p.EndYear, "Année de fin (réelle ou prévue)", "Year it ended or is planned to end.", "2015")
            .Date("end_date", p => p.EndDate, "Date de fin, quand elle est connue au jour près (AAAA-MM-JJ)",
                "End date, when known to the day.", "2015-12-31")
            .Integer("partnership_id", p => p.PartnershipId, "Identifiant du partenariat dont relève le projet",
                "Identifier of the partnership the project belongs to (/api/v1/partnerships/{id}).", "7")
            .String("partnership_title", p => p.PartnershipTitle, "Titre du partenariat", "Title of that partnership.", "Marseille – Tyr")
            .Strings("country_codes", p => p.CountryCodes, "Pays partenaires (codes ISO 3166-1 alpha-2), séparés par « | »",
                "Partner countries outside France, ISO 3166-1 alpha-2 codes.", "LB | TN")
            .Strings("country_names", p => p.CountryNames, "Noms français des pays partenaires, dans le même ordre",
                "French names of the partner countries, in the same order.", "Liban | Tunisie")
            .String("main_theme_key", p => p.MainThemeKey, "Clé de la thématique principale (chemin de la thématique, utilisable comme filtre theme)",
                "Key of the main theme: the path of slugs through the theme tree, usable as the theme filter.", "culture-patrimoine/infrastructures-manifestations")
            .String("main_theme_name", p => p.MainThemeName, "Nom de la thématique principale", "French name of the main theme.",
                "Infrastructures, équipements et manifestations culturelles")
            .Strings("other_theme_keys", p => p.OtherThemeKeys, "Clés des autres thématiques, par priorité",
                "Keys of the other themes, by priority (project_themes gives the priorities).", "culture/echanges-culturels | education-jeunesse/education")
            .String("form", p => p.Form, "Forme de l'action", "Form of the action.", "Projet de coopération décentralisée")
            .String("context", p => p.Context, "Contexte", "Context.", "La coopération entre Marseille et Tyr est ancienne…")
            .String("history", p => p.History, "Historique", "History.", "Le projet fait suite à…")
            .String("objectives", p => p.Objectives, "Objectifs", "Objectives.", "Valoriser le patrimoine culturel…")
            .String("description", p => p.Description, "Description détaillée", "Detailed description.", "Formation de professionnels…")
            .String("beneficiaries", p => p.Beneficiaries, "Bénéficiaires, tels que décrits", "Beneficiaries, as described.", "Habitants de la commune")
            .Number("total_cost_amount", p => p.TotalCostAmount, "Coût total, dans sa devise (point décimal, jamais converti)",
                "Total cost, in the currency of total_cost_currency; never converted.", "250000.00")
            .String("total_cost_currency", p => p.TotalCostCurrency, "Devise du coût total (code ISO 4217)",
                "ISO 4217 code of the currency of total_cost_amount.", "EUR")
            .Boolean("is_triennial", p => p.IsTriennial, "Partenariat triennal (true ou false ; vide si non renseigné)",
                "Whether it is a triennial partnership; empty when not known.", "false")
            .Boolean("communication_in_france", p => p.CommunicationInFrance, "Communication engagée en France",
                "Whether communication was undertaken in France; empty when not known.", "true")
            .Boolean("communication_in_partner_country", p => p.CommunicationInPartnerCountry, "Communication engagée dans le pays partenaire",
                "Whether communication was undertaken in the partner country; empty when not known.", "true")
            .Boolean("evaluation_policy", p => p.EvaluationPolicy, "Politique d'évaluation engagée",
                "Whether an evaluation policy was undertaken; empty when not known.", "false")
            .Source(p => p.Source)
            .UpdatedAt(p => p.UpdatedAt)
            .Link("url", p => p.Url, "Adresse de la page publique du projet sur le portail", "Address of the project's public page on the portal.",
                "/projets/42", required: true)
            .Link("api_url", p => p.ApiUrl, "Adresse de la fiche complète dans l'API", "Address of the project's whole record in this API.",
                "/api/v1/projects/42", required: true));

    public static readonly ExportTable<ProjectParticipantExportRow> Participants = new(
        new ExportTableInfo("project_participants", "Project participants", "Participants des projets",
            "One row per authority or organisation taking part in a project in one role (owner, implementer, beneficiary, partner…).",
            "Une ligne par collectivité ou organisation participant à un projet dans un rôle (maître d'ouvrage, maître d'œuvre, bénéficiaire, partenaire…).",
            ProjectFilters, PrimaryKey: [], ForeignKeys: ToProjects),
        new ExportColumns<ProjectParticipantExportRow>()
            .Integer("project_id", p => p.ProjectId, "Identifiant du projet (colonne id de projects)", "The project (id in projects).", "42", required: true)
            .String("role", p => p.Role,
                "Rôle : owner (maître d'ouvrage), owner-assistant (assistant à maîtrise d'ouvrage), implementer (maître d'œuvre), beneficiary (bénéficiaire), " +
                "foreign-partner (partenaire étranger), french-partner (collectivité partenaire), other-partner-france, other-partner-abroad (autres partenaires)",
                "Role: owner (maître d'ouvrage), owner-assistant, implementer (maître d'œuvre), beneficiary, foreign-partner, french-partner, " +
                "other-partner-france or other-partner-abroad.", "owner", required: true, values: [.. EnumCode<ParticipantRole>.All])
            .String("party_type", p => p.PartyType, "Nature du participant : authority (collectivité) ou organisation",
                "authority (a local authority, /api/v1/authorities/{id}) or organisation (/api/v1/organisations/{id}).", "authority",
                required: true, values: PartyTypes)
            .Integer("party_id", p => p.PartyId, "Identifiant de la collectivité ou de l'organisation",
                "Identifier of the authority or organisation, according to party_type.", "15", required: true)
            .String("party_kind", p => p.PartyKind, "Catégorie de la collectivité (commune, région…) ou de l'organisation (association, ngo…)",
                "Kind of the authority (commune, region, commune-urbaine…) or of the organisation (association, ngo, university…).", "commune", required: true,
                values: [.. EnumCode<AuthorityKind>.All.Concat(EnumCode<OrganisationKind>.All).Distinct()])
            .String("name", p => p.Name, "Nom", "Name of the authority or organisation, accents kept.", "Ville de Marseille", required: true)
            .String("country_code", p => p.CountryCode, "Pays du participant (code ISO 3166-1 alpha-2)",
                "ISO 3166-1 alpha-2 code of its country, when known.", "FR"));

    /// <summary>The columns of a funding line, the same in project-fundings and in fundings.</summary>
    internal static readonly ExportColumns<FundingExportRow> FundingColumns = new ExportColumns<FundingExportRow>()
        .Integer("project_id", f => f.ProjectId, "Identifiant du projet (colonne id de projects)", "The project (id in projects).", "42", required: true)
        .Integer("funding_id", f => f.FundingId, "Identifiant stable de la ligne de financement", "Stable identifier of the funding line.", "318",
            required: true)
        .String("funder_type", f => f.FunderType, "Nature du financeur : authority (collectivité) ou organisation",
            "authority or organisation.", "organisation", required: true, values: PartyTypes)
        .Integer("funder_id", f => f.FunderId, "Identifiant de la collectivité ou de l'organisation qui finance",
            "Identifier of the funding authority or organisation, according to funder_type.", "3", required: true)
        .String("funder_name", f => f.FunderName, "Nom du financeur", "Name of the funder.", "Ministère de l'Europe et des Affaires étrangères",
            required: true)
        .Number("amount", f => f.Amount, "Montant, dans sa devise (point décimal)", "Amount, in the currency of the currency column; never negative.",
            "123500.00", required: true)
        .String("currency", f => f.Currency, "Devise du montant (code ISO 4217 : EUR, MAD…)", "ISO 4217 code of the amount's currency.", "EUR",
            required: true)
        .Number("water_law_amount", f => f.WaterLawAmount, "Part « 1 % eau » (loi Oudin-Santini, 2005), même devise",
            "Part under the 1 % water and sanitation law (loi Oudin-Santini, 2005), in the same currency.", "20000.00")
        .Integer("year", f => f.Year, "Année du financement", "Year of the funding.", "2012")
        .String("note", f => f.Note, "Précision de la source (apports financiers et en nature…)",
            "What the source says of it (e.g. financial and in-kind contributions).", "Apports financiers et valorisation");

    public static readonly ExportTable<FundingExportRow> Fundings = new(
        new ExportTableInfo("project_fundings", "Project fundings", "Financements des projets",
            "One row per funding line of a project: who pays how much, in which currency, which year. Amounts are never converted.",
            "Une ligne par ligne de financement d'un projet : qui finance, combien, dans quelle devise, quelle année. Les montants ne sont jamais convertis.",
            ProjectFilters, PrimaryKey: ["funding_id"], ForeignKeys: ToProjects),
        FundingColumns);

    public static readonly ExportTable<ProjectThemeExportRow> Themes = new(
        new ExportTableInfo("project_themes", "Project themes", "Thématiques des projets",
            "One row per theme of a project: its main theme and its other themes with their priority.",
            "Une ligne par thématique d'un projet : sa thématique principale et ses autres thématiques, avec leur priorité.",
            ProjectFilters, PrimaryKey: ["project_id", "theme_key"], ForeignKeys: ToProjects),
        new ExportColumns<ProjectThemeExportRow>()
            .Integer("project_id", t => t.ProjectId, "Identifiant du projet (colonne id de projects)", "The project (id in projects).", "42", required: true)
            .String("theme_key", t => t.ThemeKey, "Clé de la thématique (chemin dans l'arbre des thématiques)",
                "Key of the theme: the path of slugs through the three-level theme tree (/api/v1/themes).", "eau-assainissement",
                required: true)
            .String("theme_name", t => t.ThemeName, "Nom de la thématique", "French name of the theme.", "Eau et assainissement", required: true)
            .Integer("theme_level", t => t.ThemeLevel, "Niveau dans l'arbre : 1 thématique, 2 sous-thématique, 3 sous-sous-thématique",
                "Level in the tree: 1 theme, 2 sub-theme, 3 sub-sub-theme.", "2", required: true)
            .Boolean("is_main", t => t.IsMain, "Thématique principale du projet (true) ou autre thématique (false)",
                "Whether it is the project's main theme.", "true", required: true)
            .Integer("priority", t => t.Priority, "Priorité d'une autre thématique (1 d'abord)", "Priority of another theme, 1 first, when given.", "1")
            .String("source_label", t => t.SourceLabel, "Thématique telle que la source du projet la nommait (vide si elle a été choisie dans l'atlas)",
                "The theme as the project's source labelled it, before the crosswalk mapped it onto the tree; empty for a theme chosen in the atlas.",
                "Développement urbain › Eau & assainissement"));
}
