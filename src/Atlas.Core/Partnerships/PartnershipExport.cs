namespace Atlas.Core.Partnerships;

/// <summary>
/// Streams the partnerships a filter of the partnership list matches, and their authorities and themes in child tables,
/// one query per table, in partnership id order. Contacts are not exported: they are personal data.
/// </summary>
public sealed class PartnershipExport(AtlasDbContext db)
{
    public const string Filters = "/api/v1/partnerships";
    internal const string French = "french";
    internal const string Foreign = "foreign";
    private static readonly IReadOnlyList<ExportForeignKey> ToPartnerships = [ExportKeys.References("partnership_id", "partnerships", "id")];

    public static readonly ExportTable<PartnershipExportRow> Partnerships = new(
        new ExportTableInfo("partnerships", "Partnerships", "Partenariats",
            "One row per partnership: the lasting link between French and foreign local authorities (convention-cadre, twinning). " +
            "Its authorities and themes are in the child tables, linked by partnership_id; its projects name it in projects.partnership_id.",
            "Une ligne par partenariat. Ses collectivités et ses thématiques sont dans les tables liées, par partnership_id ; " +
            "ses projets le désignent par la colonne partnership_id de projects.",
            Filters, PrimaryKey: ["id"], ForeignKeys: []),
        new ExportColumns<PartnershipExportRow>()
            .StableId(p => p.Partnership.Id, "du partenariat", "partnership", "7")
            .String("title", p => p.Partnership.Title, "Titre du partenariat", "Title of the partnership.", "Marseille – Tyr", required: true)
            .String("legal_frame", p => p.Partnership.LegalFrame, "Cadre juridique (convention-cadre, accord de jumelage…)",
                "Legal frame (convention-cadre, accord de jumelage…).", "Convention de coopération décentralisée")
            .Date("signed_on", p => p.Partnership.SignedOn, "Date de signature, quand elle est connue au jour près (AAAA-MM-JJ)",
                "Date of signature, when known to the day.", "2007-06-12")
            .Integer("signed_year", p => p.Partnership.SignedYear, "Année de signature", "Year of signature.", "2007")
            .String("status", p => EnumCode<PartnershipStatus>.ToCode(p.Partnership.Status), "Statut : active (en cours), ended (terminé), planned (en projet), suspended (suspendu) ou unknown (inconnu)",
                "Status: active, ended, planned, suspended or unknown.", "active", required: true, values: [.. EnumCode<PartnershipStatus>.All])
            .Strings("country_codes", p => p.CountryCodes, "Pays des collectivités étrangères (codes ISO 3166-1 alpha-2), séparés par « | »",
                "Countries of its foreign authorities, ISO 3166-1 alpha-2 codes, in code order.", "LB")
            .Strings("country_names", p => p.CountryNames, "Noms français de ces pays, dans le même ordre",
                "French names of those countries, in the same order.", "Liban")
            .Integer("project_count", p => p.ProjectCount, "Nombre de projets du partenariat", "How many projects it holds.", "3", required: true)
            .String("domains", p => p.Partnership.Domains, "Domaines d'action, tels que la source les cite", "Fields of action, as the source lists them.",
                "Culture, patrimoine, urbanisme")
            .String("history", p => p.Partnership.History, "Historique", "History.", "Les deux villes coopèrent depuis…")
            .Source(p => p.Partnership.Source)
            .UpdatedAt(p => p.Partnership.UpdatedAt)
            .Link("api_url", p => $"/api/v1/partnerships/{p.Partnership.Id}", "Adresse de la fiche complète dans l'API (le partenariat n'a pas de page à lui)",
                "Address of the partnership's whole record in this API (a partnership has no page of its own).", "/api/v1/partnerships/7", required: true));

    public static readonly ExportTable<PartnershipAuthorityExportRow> Authorities = new(
        new ExportTableInfo("partnership_authorities", "Partnership authorities", "Collectivités des partenariats",
            "One row per local authority, French or foreign, linked by a partnership.",
            "Une ligne par collectivité, française ou étrangère, liée par un partenariat.",
            Filters, PrimaryKey: ["partnership_id", "authority_id"],
            ForeignKeys: [.. ToPartnerships, ExportKeys.References("authority_id", "authorities", "id")]),
        PartnershipIdColumn<PartnershipAuthorityExportRow>(a => a.PartnershipId)
            .Integer("authority_id", a => a.AuthorityId, "Identifiant de la collectivité (colonne id de authorities)",
                "The local authority (id in authorities, /api/v1/authorities/{id}).", "15", required: true)
            .String("name", a => a.Name, "Nom de la collectivité", "Name of the authority, accents kept.", "Ville de Marseille", required: true)
            .String("country_code", a => a.CountryCode, "Pays de la collectivité (code ISO 3166-1 alpha-2)",
                "ISO 3166-1 alpha-2 code of its country.", "FR", required: true)
            .String("side", a => a.Side, "Côté du partenariat : french (collectivité française) ou foreign (collectivité étrangère)",
                "Side of the partnership: french or foreign.", "french", required: true, values: [French, Foreign]));

    public static readonly ExportTable<PartnershipThemeExportRow> Themes = new(
        new ExportTableInfo("partnership_themes", "Partnership themes", "Thématiques des partenariats",
            "One row per theme given to a partnership (its projects' themes are in project_themes).",
            "Une ligne par thématique donnée à un partenariat (celles de ses projets sont dans project_themes).",
            Filters, PrimaryKey: ["partnership_id", "theme_key"],
            ForeignKeys: [.. ToPartnerships, ExportKeys.References("theme_key", "themes", "key")]),
        PartnershipIdColumn<PartnershipThemeExportRow>(t => t.PartnershipId)
            .String("theme_key", t => t.ThemeKey, "Clé de la thématique (colonne key de themes)",
                "Key of the theme (key in themes): the path of slugs through the theme tree.", "culture-patrimoine", required: true)
            .String("source_label", t => t.SourceLabel, "Thématique telle que la source du partenariat la nommait (vide si elle a été choisie dans l'atlas)",
                "The theme as the partnership's source labelled it, before the crosswalk mapped it onto the tree; empty for a theme chosen in the atlas.",
                "Culture › Lecture"));

    /// <summary>The first column of a child table: its partnership.</summary>
    private static ExportColumns<TRow> PartnershipIdColumn<TRow>(Func<TRow, int?> partnershipId) => new ExportColumns<TRow>()
        .Integer("partnership_id", partnershipId, "Identifiant du partenariat (colonne id de partnerships)", "The partnership (id in partnerships).", "7",
            required: true);

    /// <summary>The partnerships a (validated) filter matches: the same as the API list's.</summary>
    public IQueryable<Partnership> Matching(PartnershipFilter filter, ReferenceCatalog.Snapshot reference) =>
        PartnershipList.Filtered(db, filter, reference);

    public async IAsyncEnumerable<PartnershipExportRow> PartnershipsAsync(
        IQueryable<Partnership> partnerships, ReferenceCatalog.Snapshot reference, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = partnerships.AsNoTracking().OrderBy(p => p.Id).Select(p => new
        {
            Partnership = p,
            CountryCodes = p.Authorities.Select(a => a.LocalAuthority!.CountryCode).Where(c => c != CountryCodes.France).Distinct().OrderBy(c => c).ToList(),
            ProjectCount = p.Projects.Count,
        }).AsAsyncEnumerable();

        await foreach (var p in rows.WithCancellation(ct).ConfigureAwait(false))
            yield return new PartnershipExportRow(p.Partnership, p.CountryCodes, p.CountryCodes.Select(reference.CountryName).ToList(), p.ProjectCount);
    }

    /// <summary>French authorities first in each partnership.</summary>
    public IAsyncEnumerable<PartnershipAuthorityExportRow> AuthoritiesAsync(IQueryable<Partnership> partnerships) =>
        partnerships.SelectMany(p => p.Authorities)
            .OrderBy(a => a.PartnershipId).ThenByDescending(a => a.LocalAuthority!.CountryCode == CountryCodes.France).ThenBy(a => a.LocalAuthorityId)
            .Select(a => new PartnershipAuthorityExportRow
            {
                PartnershipId = a.PartnershipId,
                AuthorityId = a.LocalAuthorityId,
                Name = a.LocalAuthority!.Name,
                CountryCode = a.LocalAuthority.CountryCode,
            }).AsAsyncEnumerable();

    public IAsyncEnumerable<PartnershipThemeExportRow> ThemesAsync(IQueryable<Partnership> partnerships) =>
        partnerships.SelectMany(p => p.Themes).OrderBy(t => t.PartnershipId).ThenBy(t => t.Theme!.Key)
            .Select(t => new PartnershipThemeExportRow { PartnershipId = t.PartnershipId, ThemeKey = t.Theme!.Key, SourceLabel = t.SourceLabel })
            .AsAsyncEnumerable();
}
