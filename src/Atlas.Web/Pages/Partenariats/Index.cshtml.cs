namespace Atlas.Web.Pages.Partenariats;

/// <summary>
/// /partenariats: the partnerships, with the filters of GET /api/v1/partnerships (one <see cref="PartnershipFilter"/> and
/// one <see cref="PartnershipFilterValidator"/> for the page, the API and the exports), French parameter names as on /projets.
/// </summary>
public sealed class PartenariatsIndexModel(PartnershipDirectory directory, ReferenceCatalog catalog) : DirectoryPageModel<PartnershipFilter, PartnershipDirectoryPage, PartnershipFacets>
{
    public const int PageSize = 20;

    /// <summary>Numbered pages go this deep (1,000 partnerships), as on /projets: past it, narrow the search or use the API and exports.</summary>
    public const int MaxPages = 50;

    public static readonly IReadOnlyList<(string Code, string Label)> Sorts =
    [
        ("titre", "Titre"),
        ("signature", "Année de signature (récentes d'abord)"),
        ("maj", "Dernière mise à jour"),
    ];

    private static readonly string[] Parameters = ["q", "pays", "region", "departement", "collectivite", "theme", "statut", "de", "a"];

    public string? AuthorityName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Reference = await catalog.GetAsync(ct);
        Query = DirectoryQuery.Parse(Request.Query, "/partenariats", Parameters, Sorts, "titre", RefusedTextInput.Of(HttpContext));

        var status = Query.Code<PartnershipStatus>("statut", "Ce statut n'existe pas : choisissez « Actif », « Terminé », « En projet », « Suspendu » ou « Statut non renseigné ».");
        var theme = Query.IsValid("theme") ? Query.Raw("theme") : null;
        if (theme is not null && Reference.ThemesByKey.TryGetValue(theme, out var node)) theme = node.Key;

        var filter = new PartnershipFilter
        {
            Query = Query.IsValid("q") ? Query.Raw("q") : null,
            Country = Query.IsValid("pays") ? Query.Raw("pays")!.ToUpperInvariant() : null,
            Region = Query.IsValid("region") ? Query.Raw("region") : null,
            Department = Query.IsValid("departement") ? Query.Raw("departement")!.ToUpperInvariant() : null,
            Authority = Query.IsValid("collectivite") ? Query.Id("collectivite", "Cette collectivité n'existe pas : indiquez son identifiant numérique.") : null,
            Theme = theme,
            Status = status,
            SignedFrom = Query.IsValid("de") ? Query.Integer("de", "Indiquez une année en chiffres, par exemple 1990.") : null,
            SignedTo = Query.IsValid("a") ? Query.Integer("a", "Indiquez une année en chiffres, par exemple 2008.") : null,
        };
        filter = Checked(filter, new PartnershipFilterValidator(Reference).Validate(filter).Errors);
        if (filter.Authority is { } authorityId)
        {
            AuthorityName = await directory.AuthorityNameAsync(authorityId, ct);
            if (AuthorityName is null)
            {
                Query.AddError("collectivite", "Cette collectivité n'existe pas.");
                filter = filter with { Authority = null };
            }
        }
        Filter = filter;
        Query.Normalise("pays", filter.Country);
        Query.Normalise("departement", filter.Department);
        Query.Normalise("theme", filter.Theme);
        Query.Normalise("statut", status is { } st ? EnumCode<PartnershipStatus>.ToCode(st) : null);

        var sort = Query.SortCode switch
        {
            "signature" => PartnershipDirectorySort.Signed,
            "maj" => PartnershipDirectorySort.Updated,
            _ => PartnershipDirectorySort.Title,
        };
        await ShowAsync(PageSize, MaxPages, r => r.Total, r => r.Facets, (offset, size) => directory.GetAsync(filter, sort, offset, size, Reference, ct));
        Query.EstimatedCounts = Facets.Estimated;
    }

    public SelectField CountrySelect => CountryFacet("Pays partenaire", Facets.Countries);

    public SelectField RegionSelect => RegionFacet(Facets.Regions);

    public SelectField StatusSelect => Query.Facet("statut", "Statut", "Tous les statuts", "status",
        Enum.GetValues<PartnershipStatus>().Select(s => (EnumCode<PartnershipStatus>.ToCode(s), Labels.Status(s), Facets.Statuses.GetValueOrDefault(s))),
        code => EnumCode<PartnershipStatus>.TryParse(code, out var s) ? Labels.Status(s) : null);

    public SelectField DepartmentSelect
    {
        get
        {
            var selected = Query.Raw("departement");
            var options = Reference.Departments.OrderBy(d => d.Key, StringComparer.Ordinal)
                .Select(d => new SelectOption(d.Key, $"{d.Key} – {d.Value.Name}", Selected: string.Equals(d.Key, selected, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (selected is not null && !options.Any(o => o.Selected)) options.Insert(0, new SelectOption(selected, selected, Selected: true));
            return new SelectField("departement", "Département français", "Tous les départements", null, options, Query.Errors("departement"));
        }
    }

    /// <summary>Every theme, each followed by its sub-themes (indented), as the tree orders them.</summary>
    public SelectField ThemeSelect
    {
        get
        {
            var selected = Query.Raw("theme");
            var options = new List<SelectOption>();
            void Add(int? parent)
            {
                foreach (var t in Reference.Children(parent))
                {
                    options.Add(new SelectOption(t.Key, t.Name, Level: t.Level, Selected: string.Equals(t.Key, selected, StringComparison.OrdinalIgnoreCase)));
                    Add(t.Id);
                }
            }
            Add(null);
            if (selected is not null && !options.Any(o => o.Selected)) options.Insert(0, new SelectOption(selected, selected, Selected: true));
            return new SelectField("theme", "Thématique", "Toutes les thématiques", null, options, Query.Errors("theme"));
        }
    }

    /// <summary>The filters in force, each removable.</summary>
    public DirectoryChips Chips
    {
        get
        {
            var chips = new List<(string, string)>();
            if (Filter.Query is { } q) chips.Add(($"« {q} »", Query.Url(("q", null))));
            if (AuthorityName is not null) chips.Add(($"Collectivité : {AuthorityName}", Query.Url(("collectivite", null))));
            foreach (var select in new[] { CountrySelect, RegionSelect, DepartmentSelect, ThemeSelect, StatusSelect })
            {
                if (select.Errors.Count == 0 && select.Options.FirstOrDefault(o => o.Selected && o.Value.Length > 0) is { } option)
                    chips.Add(($"{select.Label} : {option.Label}", Query.Url((select.Name, null))));
            }
            if (Filter.SignedFrom is { } from) chips.Add(($"Signé à partir de {from}", Query.Url(("de", null))));
            if (Filter.SignedTo is { } to) chips.Add(($"Signé jusqu'en {to}", Query.Url(("a", null))));
            return new DirectoryChips(chips, "/partenariats");
        }
    }

    protected override PartnershipFilter Without(PartnershipFilter f, string parameter) => parameter switch
    {
        "q" => f with { Query = null },
        "pays" => f with { Country = null },
        "region" => f with { Region = null },
        "departement" => f with { Department = null },
        "collectivite" => f with { Authority = null },
        "theme" => f with { Theme = null },
        "statut" => f with { Status = null },
        "de" => f with { SignedFrom = null },
        "a" => f with { SignedTo = null },
        _ => f,
    };

    protected override string ParameterOf(string property) => property switch
    {
        nameof(PartnershipFilter.Country) => "pays",
        nameof(PartnershipFilter.Region) => "region",
        nameof(PartnershipFilter.Department) => "departement",
        nameof(PartnershipFilter.Authority) => "collectivite",
        nameof(PartnershipFilter.Theme) => "theme",
        nameof(PartnershipFilter.Status) => "statut",
        nameof(PartnershipFilter.SignedFrom) => "de",
        nameof(PartnershipFilter.SignedTo) => "a",
        _ => "q",
    };
}
