using System.Diagnostics.CodeAnalysis;
using Atlas.Core.Paging;
using FluentValidation;

namespace Atlas.Web.Api.Lists;

/// <summary>
/// Reads a list endpoint's query string: every value is checked, every bad one is named in the 400 answer, and a
/// parameter the endpoint does not know (a typo) is refused rather than silently ignored.
/// </summary>
internal sealed class ApiQuery(IQueryCollection query)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Text(string name)
    {
        _read.Add(name);
        if (!query.TryGetValue(name, out var values)) return null;
        if (values.Count > 1)
        {
            Errors[name] = ["Give this parameter once."];
            return null;
        }
        var text = values.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    public int? Integer(string name, int min, int max)
    {
        var text = Text(name);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Errors[name] = [$"Must be a whole number from {min} to {max}."];
        return null;
    }

    public TEnum? Code<TEnum>(string name) where TEnum : struct, Enum
    {
        var text = Text(name);
        if (text is null) return null;
        if (EnumCode<TEnum>.TryParse(text, out var value)) return value;
        Errors[name] = [$"Must be one of: {string.Join(", ", EnumCode<TEnum>.All)}."];
        return null;
    }

    /// <summary>The words, places, authority and theme the project and the partnership lists share, read the same way for both.</summary>
    public CooperationFilter Cooperation() => new()
    {
        Query = Text("q"),
        Country = Text("country")?.ToUpperInvariant(),
        Region = Text("region"),
        Department = Text("department")?.ToUpperInvariant(),
        Authority = Integer("authority", 1, int.MaxValue),
        Theme = Text("theme"),
    };

    public void Error(string name, string message) => Errors[name] = [message];

    /// <summary>
    /// Runs the Core validator of a filter and names each error after the parameter its property was read from, in English.
    /// True when no parameter read so far is wrong.
    /// </summary>
    public bool Check<TFilter>(TFilter filter, IValidator<TFilter> validator, Func<string, string> english)
    {
        foreach (var error in validator.Validate(filter).Errors)
            Error(ParameterOf(error.PropertyName), english(error.ErrorCode));
        return Errors.Count == 0;
    }

    /// <summary>A filter's property is read from its name in camel case (yearFrom for YearFrom), its words from q.</summary>
    private static string ParameterOf(string property) =>
        property == "Query" ? "q" : property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];

    /// <summary>
    /// A list's filter, then its sort, limit and cursor (so that a 400 names the bad parameters in that order), then any
    /// unknown parameter. False when any of them is wrong: answer <see cref="Problem"/>.
    /// </summary>
    public bool TryReadList<TFilter, TRow>(Func<ApiQuery, TFilter?> readFilter, IReadOnlyDictionary<string, SortField<TRow>> sorts, string defaultSort,
        [NotNullWhen(true)] out TFilter? filter, [NotNullWhen(true)] out ListRequest? request)
        where TFilter : class
    {
        filter = readFilter(this);
        request = List(sorts, defaultSort);
        return IsValid() && request is not null && filter is not null;
    }

    /// <summary>sort, cursor and limit, checked against the sorts the list offers.</summary>
    public ListRequest? List<TRow>(IReadOnlyDictionary<string, SortField<TRow>> sorts, string defaultSort)
    {
        var sortText = Text("sort") ?? defaultSort;
        var descending = sortText.StartsWith('-');
        var sort = descending ? sortText[1..] : sortText;
        if (!sorts.ContainsKey(sort))
        {
            Errors["sort"] = [$"Must be one of: {string.Join(", ", sorts.Keys)}, each optionally prefixed with - for descending order."];
        }

        var limit = Integer("limit", 1, MaxLimit) ?? DefaultLimit;

        KeysetCursor? after = null;
        if (Text("cursor") is { } cursorText)
        {
            after = KeysetCursor.TryDecode(cursorText);
            if (after is null || (sorts.TryGetValue(sort, out var field) && !field.Accepts(after)))
                Errors["cursor"] = ["Malformed cursor: pass back the nextCursor of a previous page unchanged."];
            else if (after.Sort != sortText)
                Errors["cursor"] = [$"This cursor belongs to sort={after.Sort}: keep the same sort while paging."];
        }
        return Errors.Count == 0 ? new ListRequest(sort, descending, after, limit) : null;
    }

    /// <summary>Call last: refuses the parameters no one asked for.</summary>
    public bool IsValid()
    {
        foreach (var key in query.Keys.Where(k => !_read.Contains(k)))
            Errors[key] = [$"Unknown parameter. Known parameters: {string.Join(", ", _read.Order(StringComparer.Ordinal))}."];
        return Errors.Count == 0;
    }

    public IResult Problem() => ApiProblems.BadParameters(Errors);

    /// <summary>For endpoints that take no query parameter, so that a typo does not pass unnoticed: the 400 answer, or null when there is none.</summary>
    public static IResult? RefuseAny(IQueryCollection query) => query.Count == 0
        ? null
        : ApiProblems.BadParameters(query.Keys.ToDictionary(k => k, _ => new[] { "Unknown parameter: this endpoint takes none." }, StringComparer.Ordinal));
}
