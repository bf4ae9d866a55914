namespace Atlas.Core.Organisations;

/// <summary>Streams the organisations a filter of the organisation list matches, as the list reads them, in id order.</summary>
public sealed class OrganisationExport(AtlasDbContext db, OrganisationList list)
{
    public const string Filters = "/api/v1/organisations";

    public static readonly ExportTable<OrganisationRow> Table = new(
        new ExportTableInfo("organisations", "Organisations", "Organisations",
            "One row per organisation taking part in or funding projects: association, NGO, university, agency, ministry, programme…",
            "Une ligne par organisation qui participe à des projets ou les finance : association, ONG, université, agence, ministère, programme…",
            Filters, PrimaryKey: ["id"], ForeignKeys: []),
        new ExportColumns<OrganisationRow>()
            .StableId(o => o.Id, "de l'organisation", "organisation", "3")
            .String("name", o => o.Name, "Nom", "Its name, accents kept.", "Agence française de développement", required: true)
            .String("kind", o => EnumCode<OrganisationKind>.ToCode(o.Kind),
                "Catégorie : association, ngo (ONG), university, agency, ministry, programme, company, school ou other",
                "Kind: association, ngo, university, agency, ministry, programme, company, school or other.", "agency", required: true,
                values: [.. EnumCode<OrganisationKind>.All])
            .String("country_code", o => o.CountryCode, "Pays (code ISO 3166-1 alpha-2), quand il est connu",
                "ISO 3166-1 alpha-2 code of its country, when known.", "FR")
            .String("city", o => o.City, "Ville, quand elle est connue", "Its city, when known.", "Paris")
            .String("website", o => o.Website, "Site internet", "Its website.", "www.afd.fr")
            .Integer("project_count", o => o.ProjectCount, "Nombre de projets auxquels elle participe ou qu'elle finance",
                "How many projects it takes part in or funds.", "4", required: true)
            .UpdatedAt(o => o.UpdatedAt)
            .Link("api_url", o => $"/api/v1/organisations/{o.Id}", "Adresse de la fiche complète dans l'API",
                "Address of the organisation's whole record in this API.", "/api/v1/organisations/3", required: true));

    public IAsyncEnumerable<OrganisationRow> OrganisationsAsync(OrganisationFilter filter) =>
        list.Rows(OrganisationList.Filtered(db, filter)).OrderBy(o => o.Id).AsAsyncEnumerable();
}
