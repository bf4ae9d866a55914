namespace Atlas.Core.DiplomaticPosts;

/// <summary>
/// Streams the French embassies a filter of the post list matches, and the countries each follows in a child table, in
/// post id order. Their contacts are not exported: they are personal data.
/// </summary>
public sealed class DiplomaticPostExport(AtlasDbContext db)
{
    public const string Filters = "/api/v1/diplomatic-posts";

    public static readonly ExportTable<DiplomaticPost> Posts = new(
        new ExportTableInfo("diplomatic_posts", "Diplomatic posts", "Postes diplomatiques",
            "One row per French embassy (diplomatic post). The countries each follows are in diplomatic_post_countries; " +
            "its contacts are not exported (personal data): the API gives their names and functions.",
            "Une ligne par ambassade de France (poste diplomatique). Les pays qu'il suit sont dans la table liée ; " +
            "ses contacts, données personnelles, ne sont pas exportés.",
            Filters, PrimaryKey: ["id"], ForeignKeys: []),
        new ExportColumns<DiplomaticPost>()
            .Integer("id", p => p.Id, "Identifiant stable du poste", "Stable identifier of the post.", "2", required: true)
            .String("name", p => p.Name, "Nom du poste", "Name of the post.", "Ambassade de France au Maroc", required: true)
            .String("city", p => p.City, "Ville", "City where it sits.", "Rabat")
            .UpdatedAt(p => p.UpdatedAt)
            .Link("api_url", p => $"/api/v1/diplomatic-posts/{p.Id}", "Adresse de la fiche dans l'API (avec les noms et fonctions des contacts)",
                "Address of the post in this API, with its contacts' names and functions.", "/api/v1/diplomatic-posts/2", required: true));

    public static readonly ExportTable<DiplomaticPostCountryExportRow> Countries = new(
        new ExportTableInfo("diplomatic_post_countries", "Countries of the diplomatic posts", "Pays suivis par les postes diplomatiques",
            "One row per country a diplomatic post follows.",
            "Une ligne par pays suivi par un poste diplomatique.",
            Filters, PrimaryKey: ["diplomatic_post_id", "country_code"],
            ForeignKeys: [ExportKeys.References("diplomatic_post_id", "diplomatic_posts", "id")]),
        new ExportColumns<DiplomaticPostCountryExportRow>()
            .Integer("diplomatic_post_id", c => c.DiplomaticPostId, "Identifiant du poste (colonne id de diplomatic_posts)",
                "The post (id in diplomatic_posts).", "2", required: true)
            .String("country_code", c => c.CountryCode, "Pays suivi (code ISO 3166-1 alpha-2)", "ISO 3166-1 alpha-2 code of the country it follows.",
                "MA", required: true)
            .String("country_name", c => c.CountryName, "Nom français du pays", "French name of the country.", "Maroc", required: true));

    /// <summary>The posts a (validated) filter matches: the same as the API list's.</summary>
    public IQueryable<DiplomaticPost> Matching(DiplomaticPostFilter filter) => DiplomaticPostList.Filtered(db, filter);

    public IAsyncEnumerable<DiplomaticPost> PostsAsync(IQueryable<DiplomaticPost> posts) => posts.OrderBy(p => p.Id).AsAsyncEnumerable();

    public IAsyncEnumerable<DiplomaticPostCountryExportRow> CountriesAsync(IQueryable<DiplomaticPost> posts) =>
        posts.SelectMany(p => p.Countries).OrderBy(c => c.DiplomaticPostId).ThenBy(c => c.CountryCode)
            .Select(c => new DiplomaticPostCountryExportRow { DiplomaticPostId = c.DiplomaticPostId, CountryCode = c.CountryCode, CountryName = c.Country!.Name })
            .AsAsyncEnumerable();
}
