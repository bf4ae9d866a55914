namespace Atlas.Core.Countries;

/// <summary>Streams the countries a filter of the country list matches, with their counts, in code order.</summary>
public sealed class CountryExport(CountryList list)
{
    public const string Filters = "/api/v1/countries";

    public static readonly ExportTable<CountryRow> Table = new(
        new ExportTableInfo("countries", "Countries", "Pays",
            "One row per country with its counts of partnerships and projects. Like the list, by default only the partner countries (at least one " +
            "partnership or project; never France, the home side); all=true gives every ISO 3166-1 country.",
            "Une ligne par pays, avec ses nombres de partenariats et de projets. Comme la liste, seulement les pays partenaires (au moins un " +
            "partenariat ou un projet ; jamais la France, côté français de tous les partenariats), sauf avec all=true (tous les pays ISO 3166-1).",
            Filters, PrimaryKey: ["code"], ForeignKeys: []),
        new ExportColumns<CountryRow>()
            .String("code", c => c.Code, "Code ISO 3166-1 alpha-2, identifiant stable du pays", "ISO 3166-1 alpha-2 code, the country's stable identifier.",
                "MA", required: true)
            .String("name", c => c.Name, "Nom français", "French name, accents kept.", "Maroc", required: true)
            .String("name_en", c => c.NameEn, "Nom anglais", "English name.", "Morocco", required: true)
            .Integer("partnership_count", c => c.Partnerships, "Nombre de partenariats dont au moins une collectivité est de ce pays (0 pour la France)",
                "Partnerships with at least one local authority of this country (0 for FR: France is the home side, never a partner country).", "55",
                required: true)
            .Integer("project_count", c => c.Projects, "Nombre de projets dont c'est un pays partenaire (0 pour la France)",
                "Projects whose partner countries include it (France is never a project's partner country: 0 for FR).", "60", required: true)
            .Link("url", c => $"/pays/{c.Code}", "Adresse de la page publique du pays sur le portail", "Address of the country's public page on the portal.",
                "/pays/MA", required: true)
            .Link("api_url", c => $"/api/v1/countries/{c.Code}", "Adresse de la fiche complète dans l'API",
                "Address of the country's whole record in this API.", "/api/v1/countries/MA", required: true));

    public IAsyncEnumerable<CountryRow> CountriesAsync(CountryFilter filter) => list.Filtered(filter).OrderBy(c => c.Code).AsAsyncEnumerable();
}
