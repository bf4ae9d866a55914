using Atlas.Web.Map;

namespace Atlas.Web.Pages.Pays;

/// <summary>
/// /pays/{code}: a partner country in summary (figures, themes of its partnerships, where in France its partners are, its
/// embassy), then the table of its partnerships, filtered and sorted on the server from the query string (?statut=,
/// ?region=, ?theme=, ?tri=, ?page=), so that it works without JavaScript and every view has its address.
/// </summary>
public sealed class PaysDetailModel(CountryProfileQuery profiles, ReferenceCatalog catalog) : PageModel
{
    public const int PageSize = 50;
    /// <summary>The themes named in the summary: the most frequent; the table's filter offers them all.</summary>
    public const int SummaryThemes = 6;

    /// <summary>The table's orders by their code in the URL (the first is the default, left out of URLs).</summary>
    public static readonly IReadOnlyList<(string Code, CountryPartnershipSort Sort, string Label)> Sorts =
    [
        ("titre", CountryPartnershipSort.Title, "Partenariat"),
        ("francais", CountryPartnershipSort.French, "Collectivité française"),
        ("partenaire", CountryPartnershipSort.Foreign, "Collectivité partenaire"),
        ("projets", CountryPartnershipSort.Projects, "Projets"),
        ("signature", CountryPartnershipSort.Signed, "Signature"),
    ];

    private static readonly string[] Parameters = ["statut", "region", "theme", "tri", "page"];

    public CountrySummary Summary { get; private set; } = null!;
    public ReferenceCatalog.Snapshot Reference { get; private set; } = null!;
    public CountryPartnershipFilter Filter { get; private set; } = new();
    public string SortCode { get; private set; } = "titre";

    /// <summary>The page of partnerships shown, from 1.</summary>
    public int PageNumber => Filter.Page;
    public int PageCount { get; private set; } = 1;

    /// <summary>Set when the page asked for is past the last one: the page says so (404) instead of an empty list.</summary>
    public string? PageError { get; private set; }

    /// <summary>French messages beside the table's filters, by parameter.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Where in France the country's partners are, by region; null without French partner.</summary>
    public Choropleth? PartnersMap { get; private set; }

    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length != 2) return NotFound();
        foreach (var name in Parameters)
        {
            var value = Request.Query[name].ToString().Trim();
            if (value.Length > 0) _raw[name] = value;
        }
        var number = 1;
        if (_raw.TryGetValue("page", out var rawPage)
            && (!int.TryParse(rawPage, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1)) return NotFound();

        Reference = await catalog.GetAsync(ct);
        Filter = ParseFilter(number);
        var summary = await profiles.GetSummaryAsync(code, Filter, ct);
        if (summary is null) return NotFound();
        Summary = summary;
        PageCount = Filter.PageCount(summary.MatchingCount);
        var country = summary.Country;
        if (PageNumber > PageCount)
        {
            PageError = $"Il n'y a pas de page {PageNumber} : les {Format.Count(summary.MatchingCount, "partenariat", "partenariats")} de ce pays tiennent en {Format.Count(PageCount, "page", "pages")}.";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        PartnersMap = PartnerMaps.FranceByRegion("partenaires", $"Régions des collectivités françaises partenaires ({country.Name})",
            summary.FrenchPartnersByRegion, Reference, region => $"/projets?pays={country.Code}&region={region}");
        return Page();
    }

    private CountryPartnershipFilter ParseFilter(int page)
    {
        PartnershipStatus? status = null;
        if (_raw.TryGetValue("statut", out var rawStatus))
        {
            if (EnumCode<PartnershipStatus>.TryParse(rawStatus, out var parsed)) status = parsed;
            else AddError("statut", "Choisissez un statut de la liste.");
        }
        string? region = null;
        if (_raw.TryGetValue("region", out var rawRegion))
        {
            if (Reference.Regions.ContainsKey(rawRegion)) region = rawRegion;
            else AddError("region", "Choisissez une région de la liste.");
        }
        IReadOnlyCollection<int>? themes = null;
        if (_raw.TryGetValue("theme", out var rawTheme))
        {
            if (Reference.ThemesByKey.TryGetValue(rawTheme, out var theme)) (themes, _themeKey) = (Subtree(theme.Id).ToList(), theme.Key);
            else AddError("theme", "Choisissez une thématique de la liste.");
        }
        var sort = CountryPartnershipSort.Title;
        if (_raw.TryGetValue("tri", out var rawSort))
        {
            var known = Sorts.FirstOrDefault(s => s.Code == rawSort);
            if (known.Code is null) AddError("tri", "Choisissez un ordre de la liste.");
            else (SortCode, sort) = (known.Code, known.Sort);
        }
        // A wrong filter is said beside its field and left out: the table stays, unfiltered by it.
        return new CountryPartnershipFilter(status, region, themes, sort, page, PageSize);
    }

    private IEnumerable<int> Subtree(int id) => Reference.Children(id).SelectMany(c => Subtree(c.Id)).Prepend(id);

    private void AddError(string name, string message)
    {
        if (!Errors.TryGetValue(name, out var list)) Errors[name] = list = [];
        list.Add(message);
    }

    public IReadOnlyList<string> ErrorsOf(string name) => Errors.TryGetValue(name, out var list) ? list : [];

    /// <summary>This view's URL with some parameters changed (null removes one); the page goes back to 1 unless given.</summary>
    public string ViewUrl(params (string Name, string? Value)[] changes)
    {
        var values = Parameters.Where(p => p != "page" && ErrorsOf(p).Count == 0 && _raw.ContainsKey(p))
            .ToDictionary(p => p, p => (string?)_raw[p], StringComparer.Ordinal);
        foreach (var (name, value) in changes) values[name] = value;
        if (values.GetValueOrDefault("tri") == Sorts[0].Code) values.Remove("tri");
        if (values.GetValueOrDefault("page") == "1") values.Remove("page");
        var kept = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value);
        var path = $"/pays/{Summary.Country.Code}";
        return kept.Count == 0 ? path : QueryHelpers.AddQueryString(path, kept);
    }

    public string PageUrl(int number) => ViewUrl(("page", number.ToString(CultureInfo.InvariantCulture)));

    public bool IsFiltered => Filter.IsFiltered;

    private string? _themeKey;

    /// <summary>The table's filter as the partnership exports read it, so that the file holds exactly the rows shown.</summary>
    public PartnershipFilter PartnershipsShown => new()
    {
        Country = Summary.Country.Code, Status = Filter.Status, Region = Filter.RegionCode, Theme = _themeKey,
    };

    /// <summary>"54 partenariats ; ici, les partenariats 1 à 50." or "3 partenariats correspondent aux filtres, sur 54."</summary>
    public string RangeText
    {
        get
        {
            var text = IsFiltered
                ? $"{Format.Count(Summary.MatchingCount, "partenariat correspond", "partenariats correspondent")} aux filtres, sur {Format.Number(Summary.PartnershipCount)}"
                : Format.Count(Summary.MatchingCount, "partenariat", "partenariats");
            var first = (PageNumber - 1) * PageSize + 1;
            if (PageCount > 1) text += $" ; ici, les partenariats {Format.Number(first)} à {Format.Number(first + Summary.Partnerships.Count - 1)}";
            return text + ".";
        }
    }

    public string ThemeName(int id) => Reference.ThemesById.TryGetValue(id, out var t) ? t.Name : "";

    public SelectField StatusSelect => new("statut", "Statut", "Tous les statuts", null,
        Enum.GetValues<PartnershipStatus>().Select(s => new SelectOption(EnumCode<PartnershipStatus>.ToCode(s), Labels.Status(s),
            Selected: Filter.Status == s)).ToList(), ErrorsOf("statut"));

    public SelectField RegionSelect => new("region", "Région des collectivités françaises", "Toutes les régions", null,
        Summary.FrenchPartnersByRegion.OrderBy(r => Reference.Regions.GetValueOrDefault(r.Key, r.Key), StringComparer.Create(Format.French, true))
            .Select(r => new SelectOption(r.Key, Reference.Regions.GetValueOrDefault(r.Key, r.Key), r.Value, Selected: Filter.RegionCode == r.Key))
            .ToList(), ErrorsOf("region"));

    public SelectField ThemeSelect => new("theme", "Thématique", "Toutes les thématiques", null,
        Summary.ThemeCounts.Where(t => Reference.ThemesById.ContainsKey(t.Key))
            .OrderBy(t => ThemeName(t.Key), StringComparer.Create(Format.French, true))
            .Select(t => new SelectOption(Reference.ThemesById[t.Key].Key, ThemeName(t.Key), t.Value,
                Selected: _raw.GetValueOrDefault("theme") == Reference.ThemesById[t.Key].Key))
            .ToList(), ErrorsOf("theme"));

    public SelectField SortSelect => new("tri", "Trier par", "", null,
        Sorts.Select(s => new SelectOption(s.Code, s.Label, Selected: s.Code == SortCode)).ToList(), ErrorsOf("tri"));

    /// <summary>Départements with French partners, the most first (then by code), with their names.</summary>
    public IEnumerable<(string Code, string Name, int Count)> Departments =>
        Summary.FrenchPartnersByDepartment.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => (d.Key, Reference.Departments.TryGetValue(d.Key, out var dep) ? dep.Name : d.Key, d.Value));
}
