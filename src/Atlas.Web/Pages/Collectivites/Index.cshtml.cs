namespace Atlas.Web.Pages.Collectivites;

/// <summary>/collectivites: the French and foreign local authorities, searched by name and filtered with the API list's filter and validator, with counts on every select.</summary>
public sealed class CollectivitesIndexModel(AuthorityDirectory directory, ReferenceCatalog catalog) : DirectoryPageModel<AuthorityFilter, AuthorityDirectoryPage, AuthorityFacets>
{
    public const int PageSize = 20;

    /// <summary>Numbered pages go this deep (1,000 authorities), as on /projets: past it, narrow the search or use the API and exports.</summary>
    public const int MaxPages = 50;

    public static readonly IReadOnlyList<(string Code, string Label)> Sorts =
    [
        ("nom", "Nom"),
        ("population", "Population (la plus grande d'abord)"),
        ("partenariats", "Nombre de partenariats"),
    ];

    private static readonly string[] Parameters = ["q", "pays", "region", "departement", "type"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Reference = await catalog.GetAsync(ct);
        Query = DirectoryQuery.Parse(Request.Query, "/collectivites", Parameters, Sorts, "nom", RefusedTextInput.Of(HttpContext));

        var kind = Query.Code<AuthorityKind>("type", "Ce type de collectivité n'existe pas : choisissez-en un dans la liste.");
        var filter = new AuthorityFilter
        {
            Query = Query.IsValid("q") ? Query.Raw("q") : null,
            Country = Query.IsValid("pays") ? Query.Raw("pays")!.ToUpperInvariant() : null,
            Region = Query.IsValid("region") ? Query.Raw("region") : null,
            Department = Query.IsValid("departement") ? Query.Raw("departement")!.ToUpperInvariant() : null,
            Kind = kind,
        };
        filter = Checked(filter, new AuthorityFilterValidator(Reference).Validate(filter).Errors);
        Filter = filter;
        Query.Normalise("pays", filter.Country);
        Query.Normalise("departement", filter.Department);
        Query.Normalise("type", kind is { } k ? EnumCode<AuthorityKind>.ToCode(k) : null);

        var sort = Query.SortCode switch
        {
            "population" => AuthorityDirectorySort.Population,
            "partenariats" => AuthorityDirectorySort.Partnerships,
            _ => AuthorityDirectorySort.Name,
        };
        await ShowAsync(PageSize, MaxPages, r => r.Total, r => r.Facets, (offset, size) => directory.GetAsync(filter, sort, offset, size, ct));
        Query.EstimatedCounts = Facets.Estimated;
    }

    public SelectField CountrySelect => CountryFacet("Pays", Facets.Countries);

    public SelectField RegionSelect => RegionFacet(Facets.Regions);

    public SelectField DepartmentSelect => Query.Facet("departement", "Département français", "Tous les départements", "department",
        Facets.Departments.Where(d => Reference.Departments.ContainsKey(d.Key))
            .Select(d => (d.Key, $"{d.Key} – {Reference.Departments[d.Key].Name}", d.Value)).OrderBy(d => d.Key, StringComparer.Ordinal),
        code => Reference.Departments.TryGetValue(code.ToUpperInvariant(), out var d) ? $"{code.ToUpperInvariant()} – {d.Name}" : null);

    public SelectField KindSelect => Query.Facet("type", "Type de collectivité", "Tous les types", "kind",
        Facets.Kinds.Select(k => (EnumCode<AuthorityKind>.ToCode(k.Key), Labels.Kind(k.Key), k.Value)).OrderBy(k => k.Item2, DirectoryOrder.Names),
        code => EnumCode<AuthorityKind>.TryParse(code, out var kind) ? Labels.Kind(kind) : null);

    /// <summary>The filters in force, each removable.</summary>
    public DirectoryChips Chips
    {
        get
        {
            var chips = new List<(string, string)>();
            if (Filter.Query is { } q) chips.Add(($"« {q} »", Query.Url(("q", null))));
            foreach (var select in new[] { CountrySelect, RegionSelect, DepartmentSelect, KindSelect })
            {
                if (select.Errors.Count == 0 && select.Options.FirstOrDefault(o => o.Selected && o.Value.Length > 0) is { } option)
                    chips.Add(($"{select.Label} : {option.Label}", Query.Url((select.Name, null))));
            }
            return new DirectoryChips(chips, "/collectivites");
        }
    }

    /// <summary>Where the authority is: its country, and for a French one its département or region.</summary>
    public string Place(AuthorityRow a)
    {
        if (a.CountryCode != Atlas.Core.Countries.CountryCodes.France) return Reference.CountryName(a.CountryCode);
        if (a.DepartmentCode is { } d && Reference.Departments.TryGetValue(d, out var department)) return $"{department.Name} ({d})";
        if (a.RegionCode is { } r && Reference.Regions.TryGetValue(r, out var region)) return region;
        return Reference.CountryName(a.CountryCode);
    }

    protected override AuthorityFilter Without(AuthorityFilter f, string parameter) => parameter switch
    {
        "q" => f with { Query = null },
        "pays" => f with { Country = null },
        "region" => f with { Region = null },
        "departement" => f with { Department = null },
        "type" => f with { Kind = null },
        _ => f,
    };

    protected override string ParameterOf(string property) => property switch
    {
        nameof(AuthorityFilter.Country) => "pays",
        nameof(AuthorityFilter.Region) => "region",
        nameof(AuthorityFilter.Department) => "departement",
        nameof(AuthorityFilter.Kind) => "type",
        _ => "q",
    };
}
