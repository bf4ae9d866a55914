namespace Atlas.Web.Pages.Pays;

/// <summary>/pays: every partner country with its counts of partnerships and projects (France is never one), sortable, filtered by name.</summary>
public sealed class PaysIndexModel(PartnerCountryDirectory directory, ReferenceCatalog catalog) : PageModel
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<(string Code, string Label)> Sorts =
    [
        ("nom", "Nom"),
        ("partenariats", "Nombre de partenariats"),
        ("projets", "Nombre de projets"),
    ];

    public DirectoryQuery Query { get; private set; } = null!;

    /// <summary>The countries of this page; null when the name typed is refused.</summary>
    public IReadOnlyList<PartnerCountryRow>? Items { get; private set; }
    public int Total { get; private set; }
    public int PageCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct);
        Query = DirectoryQuery.Parse(Request.Query, "/pays", ["q"], Sorts, "nom", RefusedTextInput.Of(HttpContext));
        var filter = new CountryFilter { Query = Query.IsValid("q") ? Query.Raw("q") : null };
        // The API list's validator: the same rule and message as GET /api/v1/countries.
        foreach (var error in new CountryFilterValidator().Validate(filter).Errors)
        {
            Query.AddError("q", error.ErrorMessage);
            filter = filter with { Query = null };
        }
        if (Query.HasErrors) return;

        var sort = Query.SortCode switch
        {
            "partenariats" => PartnerCountrySort.Partnerships,
            "projets" => PartnerCountrySort.Projects,
            _ => PartnerCountrySort.Name,
        };
        var rows = await directory.ListAsync(filter, sort, reference, ct);
        Total = rows.Count;
        PageCount = (rows.Count + PageSize - 1) / PageSize;
        Query.FitPage(PageCount);
        Items = rows.Skip((Query.Page - 1) * PageSize).Take(PageSize).ToList();
    }

    public DirectoryChips Chips => new(
        Query.IsValid("q") ? [($"« {Query.Raw("q")} »", Query.Url(("q", null)))] : [], "/pays");

    /// <summary>The column header of a sortable count: a link to the list in that order, marked when it is the current one.</summary>
    public string SortUrl(string code) => Query.Url(("tri", code == "nom" ? null : code));
}
