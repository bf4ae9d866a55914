using FluentValidation.Results;

namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What the directories with numbered pages and the API list's filter share (/collectivites, /partenariats): the query, the
/// filter as the API list's validator accepts it, the page of results with its facets, and the number of pages.
/// </summary>
public abstract class DirectoryPageModel<TFilter, TResult, TFacets> : PageModel where TFilter : new() where TResult : class
{
    public DirectoryQuery Query { get; protected set; } = null!;
    public ReferenceCatalog.Snapshot Reference { get; protected set; } = null!;
    public TFilter Filter { get; protected set; } = new();

    /// <summary>The page of results; null when a filter is wrong (the facets of the valid part still fill the selects).</summary>
    public TResult? Result { get; private set; }
    public TFacets Facets { get; private set; } = default!;
    public int PageCount { get; private set; }

    /// <summary>The query parameter beside which an error of the filter's property shows.</summary>
    protected abstract string ParameterOf(string property);

    /// <summary>The filter without the value of <paramref name="parameter"/>: the rest of it still counts.</summary>
    protected abstract TFilter Without(TFilter f, string parameter);

    /// <summary>
    /// The filter with the errors of the API list's validator beside their fields and their values left out: a filter means the
    /// same thing, with the same message, on the page and in the API.
    /// </summary>
    protected TFilter Checked(TFilter filter, IEnumerable<ValidationFailure> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var name = ParameterOf(error.PropertyName);
            Query.AddError(name, error.ErrorMessage);
            filter = Without(filter, name);
        }
        return filter;
    }

    /// <summary>Fetches the asked page (see <see cref="DirectoryQuery.PageAsync"/>) and shows it, or with errors only its facets.</summary>
    protected async Task ShowAsync(int pageSize, int maxPages, Func<TResult, int> total, Func<TResult, TFacets> facets, Func<int, int, Task<TResult>> get)
    {
        ArgumentNullException.ThrowIfNull(facets);
        var (result, pageCount) = await Query.PageAsync(pageSize, maxPages, total, get);
        Facets = facets(result);
        Result = Query.HasErrors ? null : result;
        PageCount = pageCount;
    }

    /// <summary>The country select ("pays"), its options the countries of the facet counts by French name.</summary>
    protected SelectField CountryFacet(string label, IReadOnlyDictionary<string, int> counts) => Query.Facet("pays", label, "Tous les pays", "country",
        counts.Where(c => Reference.Countries.ContainsKey(c.Key))
            .Select(c => (c.Key, Reference.CountryName(c.Key), c.Value)).OrderBy(c => c.Item2, DirectoryOrder.Names),
        code => Reference.Countries.GetValueOrDefault(code.ToUpperInvariant()));

    /// <summary>The French region select ("region"), its options the regions of the facet counts by name.</summary>
    protected SelectField RegionFacet(IReadOnlyDictionary<string, int> counts) => Query.Facet("region", "Région française", "Toutes les régions", "region",
        counts.Where(r => Reference.Regions.ContainsKey(r.Key))
            .Select(r => (r.Key, Reference.Regions[r.Key], r.Value)).OrderBy(r => r.Item2, DirectoryOrder.Names),
        code => Reference.Regions.GetValueOrDefault(code));
}
