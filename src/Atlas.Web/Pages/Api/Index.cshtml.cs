namespace Atlas.Web.Pages.Api;

/// <summary>/api: the API explained in French to people, with examples that work against this very portal.</summary>
public sealed class ApiIndexModel(PublicBaseUrl publicBaseUrl) : PageModel
{
    /// <summary>The examples, as paths on this portal: each answers 200 (a test calls them all).</summary>
    public static readonly IReadOnlyList<(string Title, string Path, string Options)> Examples =
    [
        ("Les projets en cours au Maroc, cinq par page", "/api/v1/projects?country=MA&status=ongoing&limit=5", ""),
        ("La fiche complète d'un pays, avec ses partenariats et son ambassade", "/api/v1/countries/MA", ""),
        ("Retrouver une collectivité malgré une faute de frappe", "/api/v1/authorities/suggestions?q=Marakech", ""),
        ("L'arbre des thématiques, avec le nombre de projets de chacune", "/api/v1/themes", ""),
        ("Les chiffres de l'atlas (par pays, région, thématique et année)", "/api/v1/stats", ""),
        ("Les projets au Maroc dans un fichier pour tableur, enregistré sous son nom daté", "/api/v1/exports/projects.csv?country=MA&dialect=excel", "-OJ "),
        ("Les mêmes projets au format IATI", "/api/v1/exports/iati-activities.xml?country=MA", "-OJ "),
        ("Seulement les en-têtes de la réponse (méthode HEAD) : date de mise à jour, ETag", "/api/v1/projects?country=MA", "-I "),
    ];

    /// <summary>The portal's address, so that the examples can be copied as they are.</summary>
    public string BaseUrl { get; private set; } = "";

    public void OnGet() => BaseUrl = publicBaseUrl.ForExports(Request);

    public string Command((string Title, string Path, string Options) example) => $"curl {example.Options}\"{BaseUrl}{example.Path}\"";
}
