namespace Atlas.Web.Pages.Shared;

/// <summary>
/// The query string of a directory page (/collectivites, /pays, /partenariats) read leniently, as /projets reads its own:
/// what the person typed is kept for the form, every bad value becomes a French message beside its field (never an
/// exception), a page number that cannot be shown becomes a notice, and every state of the page is a URL to share.
/// </summary>
public sealed class DirectoryQuery
{
    /// <summary>Larger numbers are not pages: read as text, they become a notice rather than an overflow.</summary>
    private const int MaxPageNumber = 1_000_000;

    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly IReadOnlyList<(string Code, string Label)> _sorts;
    private readonly string _defaultSort;

    private DirectoryQuery(string path, IReadOnlyList<(string Code, string Label)> sorts, string defaultSort)
    {
        _path = path;
        _sorts = sorts;
        _defaultSort = defaultSort;
        SortCode = defaultSort;
    }

    public string Path => _path;
    public string SortCode { get; private set; }
    public IReadOnlyList<(string Code, string Label)> Sorts => _sorts;
    public int Page { get; set; } = 1;

    /// <summary>Why the page asked for is not the one shown (not a number, past the last page); null when it is.</summary>
    public string? PageNotice { get; set; }

    public bool HasErrors => _errors.Count > 0;

    /// <summary>Reads <paramref name="names"/> (and "tri", "page") from the query string; refused text (NUL bytes…) becomes its field's message.</summary>
    public static DirectoryQuery Parse(
        IQueryCollection query, string path, IEnumerable<string> names, IReadOnlyList<(string Code, string Label)> sorts, string defaultSort, RefusedTextInput refused)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(refused);
        var q = new DirectoryQuery(path, sorts, defaultSort);
        foreach (var (name, message) in refused.Messages) q.AddError(name, message);
        foreach (var name in names.Concat(["tri", "page"]))
        {
            var value = query[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
            if (value is not null) q._raw[name] = value;
        }

        var sort = q.Raw("tri")?.ToLowerInvariant();
        if (sort is not null && sorts.Any(s => s.Code == sort)) q.SortCode = sort;
        else if (sort is not null) q.AddError("tri", "Cet ordre n'existe pas : choisissez-en un dans la liste.");

        if (q.Raw("page") is { } pageText)
        {
            if (int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPageNumber) q.Page = page;
            else q.PageNotice = "Ce numéro de page n'existe pas : voici la première page.";
        }
        return q;
    }

    /// <summary>The trimmed value of a parameter as typed, for redisplay.</summary>
    public string? Raw(string name) => _raw.GetValueOrDefault(name);

    public IReadOnlyList<string> Errors(string name) => _errors.TryGetValue(name, out var list) ? list : [];

    public void AddError(string name, string message)
    {
        if (!_errors.TryGetValue(name, out var list)) _errors[name] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    /// <summary>Whether one of these parameters is set (valid or not).</summary>
    public bool AnySet(params string[] names) => names.Any(_raw.ContainsKey);

    /// <summary>Whether a parameter is valid so far (set and without error).</summary>
    public bool IsValid(string name) => _raw.ContainsKey(name) && !_errors.ContainsKey(name);

    /// <summary>A whole number from 1 up, or a message beside the field.</summary>
    public int? Id(string name, string message)
    {
        var text = Raw(name);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0) return value;
        AddError(name, message);
        return null;
    }

    /// <summary>An integer (a year), or a message beside the field; the range is the validator's business.</summary>
    public int? Integer(string name, string message)
    {
        var text = Raw(name);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        AddError(name, message);
        return null;
    }

    /// <summary>Keeps a valid value in its canonical form (MA, 2A…), so that every link to the same state is the same URL.</summary>
    public void Normalise(string name, string? canonical)
    {
        if (canonical is not null && _raw.ContainsKey(name)) _raw[name] = canonical;
    }

    /// <summary>The page with the current parameters as typed, changed by <paramref name="changes"/> (null removes one); page 1 and the default order are left out.</summary>
    public string Url(params (string Name, string? Value)[] changes)
    {
        var values = _raw.ToDictionary(v => v.Key, string? (v) => v.Value, StringComparer.Ordinal);
        values["tri"] = SortCode == _defaultSort ? null : SortCode;
        values["page"] = null;
        foreach (var (name, value) in changes) values[name] = value;
        if (values.GetValueOrDefault("page") == "1") values["page"] = null;
        var kept = values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value);
        return kept.Count == 0 ? _path : QueryHelpers.AddQueryString(_path, kept);
    }

    public string PageUrl(int page) => Url(("page", page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Whether the counts of the selects are estimates (drawn « environ N »): a search of too many records to count.</summary>
    public bool EstimatedCounts { get; set; }

    /// <summary>The « Trier par » select.</summary>
    public SelectField SortSelect => new("tri", "Trier par", "",
        null, _sorts.Select(s => new SelectOption(s.Code, s.Label, Selected: s.Code == SortCode)).ToList(), Errors("tri"));

    /// <summary>
    /// A select whose options carry their counts (the facets): options in the order given, the value asked for kept
    /// selected even when it has no result (count 0) or does not exist (as typed, its error beside the field).
    /// </summary>
    public SelectField Facet(string name, string label, string allLabel, string facet, IEnumerable<(string Value, string Label, int Count)> values, Func<string, string?> knownLabel)
    {
        ArgumentNullException.ThrowIfNull(knownLabel);
        var selected = Raw(name);
        var options = values
            .Select(v => new SelectOption(v.Value, v.Label, v.Count, Selected: string.Equals(v.Value, selected, StringComparison.OrdinalIgnoreCase),
                Estimated: EstimatedCounts))
            .ToList();
        if (selected is not null && !options.Any(o => o.Selected))
        {
            options.Insert(0, !Errors(name).Any() && knownLabel(selected) is { } known
                ? new SelectOption(selected, known, 0, Selected: true)
                : new SelectOption(selected, selected, Selected: true));
        }
        return new SelectField(name, label, allLabel, facet, options, Errors(name));
    }

    /// <summary>
    /// The parameter <paramref name="name"/> as a <typeparamref name="TEnum"/> code, case ignored; null when absent, and when
    /// unknown, with <paramref name="message"/> beside the field.
    /// </summary>
    public TEnum? Code<TEnum>(string name, string message) where TEnum : struct, Enum
    {
        if (Raw(name) is not { } text) return null;
        if (Atlas.Core.Data.EnumCode<TEnum>.TryParse(text.ToLowerInvariant(), out var parsed)) return parsed;
        AddError(name, message);
        return null;
    }

    /// <summary>
    /// The asked page of a directory whose numbered pages go <paramref name="maxPages"/> deep, and the number of pages: a page
    /// past the last is replaced by the last (<see cref="FitPage"/>). With errors, no page (0 pages): a result of no rows, whose
    /// facets of the valid part still fill the selects. <paramref name="get"/> takes an offset and a size.
    /// </summary>
    public async Task<(TResult Result, int PageCount)> PageAsync<TResult>(int pageSize, int maxPages, Func<TResult, int> total,
        Func<int, int, Task<TResult>> get)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(get);
        if (HasErrors) return (await get(0, 0).ConfigureAwait(false), 0);

        Page = Math.Min(Page, maxPages);
        var result = await get((Page - 1) * pageSize, pageSize).ConfigureAwait(false);
        var pageCount = Math.Min(maxPages, (total(result) + pageSize - 1) / pageSize);
        if (FitPage(pageCount) && total(result) > 0) result = await get((Page - 1) * pageSize, pageSize).ConfigureAwait(false);
        return (result, pageCount);
    }

    /// <summary>
    /// Fits the page asked for into <paramref name="pageCount"/> pages (at least one): a page past the last shows the last,
    /// with a notice. Returns whether the page changed, so that the caller reads it again.
    /// </summary>
    public bool FitPage(int pageCount)
    {
        var last = Math.Max(1, pageCount);
        if (Page <= last) return false;
        Page = last;
        PageNotice = last == 1 ? "Cette page n'existe pas : voici la première page." : $"Cette page n'existe pas : voici la dernière, la {last}ᵉ.";
        return true;
    }
}
