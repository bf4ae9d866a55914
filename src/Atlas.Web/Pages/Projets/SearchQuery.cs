namespace Atlas.Web.Pages.Projets;

/// <summary>
/// The query string of /projets read leniently: what the person typed is kept for the form, every bad value becomes a
/// French message beside its field (never an exception), and the valid part becomes a <see cref="ProjectFilter"/>.
/// </summary>
public sealed class SearchQuery
{
    public const int PageSize = 20;
    private const int MaxPage = 10_000;
    public const string DefaultSort = "pertinence";

    public static readonly IReadOnlyList<(string Code, string Label, ProjectSort Sort)> Sorts =
    [
        ("pertinence", "Pertinence", ProjectSort.Relevance),
        ("titre", "Titre", ProjectSort.Title),
        ("annee", "Année de début (récentes d'abord)", ProjectSort.StartYear),
        ("maj", "Dernière mise à jour", ProjectSort.Updated),
    ];

    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>The valid part of the request; invalid values are left out.</summary>
    public ProjectFilter Filter { get; private set; } = new();

    public string SortCode { get; private set; } = DefaultSort;

    public ProjectSort Sort => Sorts.First(s => s.Code == SortCode).Sort;

    public int Page { get; set; } = 1;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>A search with no parameter, to build links from scratch.</summary>
    public static SearchQuery Empty => new();

    /// <summary>The trimmed value of a parameter as typed, for redisplay.</summary>
    public string? Raw(string name) => _raw.GetValueOrDefault(name);

    public IReadOnlyList<string> Errors(string name) => _errors.TryGetValue(name, out var list) ? list : [];

    public void AddError(string name, string message)
    {
        if (!_errors.TryGetValue(name, out var list)) _errors[name] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    /// <summary>Drops an authority that turned out not to exist.</summary>
    public void RejectAuthority(string message)
    {
        AddError("collectivite", message);
        Filter = Filter with { Authority = null };
    }

    /// <summary>Reads the query string of a search.</summary>
    /// <param name="query">The request's parameters.</param>
    /// <param name="reference">The countries, regions and themes the values must name.</param>
    /// <param name="refused">The fields the request's text guard took out, shown with their message beside them.</param>
    public static SearchQuery Parse(IQueryCollection query, ReferenceCatalog.Snapshot reference, RefusedTextInput refused)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(refused);
        var s = new SearchQuery();
        foreach (var (name, message) in refused.Messages) s.AddError(name, message);
        foreach (var name in new[] { "q", "pays", "region", "departement", "collectivite", "theme", "statut", "de", "a", "tri", "page" })
        {
            var value = query[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
            if (value is not null) s._raw[name] = value;
        }

        ProjectStatus? status = null;
        if (s.Raw("statut") is { } statusText)
        {
            if (EnumCode<ProjectStatus>.TryParse(statusText, out var parsed)) status = parsed;
            else s.AddError("statut", "Ce statut n'existe pas : choisissez « En projet », « En cours » ou « Terminé ».");
        }

        var theme = s.Raw("theme");
        if (theme is not null && reference.ThemesByKey.TryGetValue(theme, out var node)) theme = node.Key;

        var filter = new ProjectFilter
        {
            Query = s.Raw("q"),
            Country = s.Raw("pays")?.ToUpperInvariant(),
            Region = s.Raw("region"),
            Department = s.Raw("departement")?.ToUpperInvariant(),
            Authority = s.Integer("collectivite", "Cette collectivité n'existe pas : indiquez son identifiant numérique."),
            Theme = theme,
            Status = status,
            YearFrom = s.Integer("de", "Indiquez une année en chiffres, par exemple 2008."),
            YearTo = s.Integer("a", "Indiquez une année en chiffres, par exemple 2015."),
        };

        var invalid = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in new ProjectFilterValidator(reference).Validate(filter).Errors)
        {
            var name = ParameterOf(error.PropertyName);
            s.AddError(name, error.ErrorMessage);
            invalid.Add(name);
        }
        s.Filter = filter with
        {
            Query = invalid.Contains("q") ? null : filter.Query,
            Country = invalid.Contains("pays") ? null : filter.Country,
            Region = invalid.Contains("region") ? null : filter.Region,
            Department = invalid.Contains("departement") ? null : filter.Department,
            Authority = invalid.Contains("collectivite") ? null : filter.Authority,
            Theme = invalid.Contains("theme") ? null : filter.Theme,
            YearFrom = invalid.Contains("de") ? null : filter.YearFrom,
            YearTo = invalid.Contains("a") ? null : filter.YearTo,
        };

        // Valid values are kept in their canonical form (MA, 2A, the theme's key), so that every link is the same URL.
        s.Normalise("pays", s.Filter.Country);
        s.Normalise("departement", s.Filter.Department);
        s.Normalise("theme", s.Filter.Theme);
        s.Normalise("statut", status is { } st ? EnumCode<ProjectStatus>.ToCode(st) : null);

        var sort = s.Raw("tri")?.ToLowerInvariant();
        s.SortCode = Sorts.Any(x => x.Code == sort) ? sort! : DefaultSort;
        s.Page = int.TryParse(s.Raw("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, MaxPage) : 1;
        return s;
    }

    /// <summary>/projets with the current parameters as typed, changed by <paramref name="changes"/> (null removes one); page 1 and the default sort are left out.</summary>
    public string Url(params (string Name, string? Value)[] changes)
    {
        var values = _raw.ToDictionary(v => v.Key, string? (v) => v.Value, StringComparer.Ordinal);
        values["tri"] = SortCode == DefaultSort ? null : SortCode;
        values["page"] = null;
        foreach (var (name, value) in changes) values[name] = value;
        if (values.GetValueOrDefault("page") == "1") values["page"] = null;
        var kept = values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value);
        return kept.Count == 0 ? "/projets" : QueryHelpers.AddQueryString("/projets", kept);
    }

    public string PageUrl(int page) => Url(("page", page.ToString(CultureInfo.InvariantCulture)));

    private void Normalise(string name, string? canonical)
    {
        if (canonical is not null && _raw.ContainsKey(name)) _raw[name] = canonical;
    }

    private int? Integer(string name, string message)
    {
        var text = Raw(name);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        AddError(name, message);
        return null;
    }

    private static string ParameterOf(string property) => property switch
    {
        nameof(ProjectFilter.Query) => "q",
        nameof(ProjectFilter.Country) => "pays",
        nameof(ProjectFilter.Region) => "region",
        nameof(ProjectFilter.Department) => "departement",
        nameof(ProjectFilter.Authority) => "collectivite",
        nameof(ProjectFilter.Theme) => "theme",
        nameof(ProjectFilter.Status) => "statut",
        nameof(ProjectFilter.YearFrom) => "de",
        nameof(ProjectFilter.YearTo) => "a",
        _ => "q",
    };
}
