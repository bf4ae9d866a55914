using System.Globalization;
using System.Linq.Expressions;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Atlas.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>Helpers for the API's lists: walking every page with the cursor, checking problem answers, folding names.</summary>
internal static partial class ApiLists
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every item of a list, page after page, and its total (which must not change while walking).</summary>
    public static async Task<(List<JsonNode> Items, int Total)> WalkAsync(HttpClient client, string path, string query, int limit)
    {
        var items = new List<JsonNode>();
        int? total = null;
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"{path}?limit={limit}" + (query.Length > 0 ? "&" + query : "") + (cursor is null ? "" : $"&cursor={cursor}");
            var page = (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;
            total ??= page["total"]!.GetValue<int>();
            Assert.Equal(total, page["total"]!.GetValue<int>());
            var pageItems = page["items"]!.AsArray().Select(i => i!).ToList();
            Assert.True(pageItems.Count <= limit);
            items.AddRange(pageItems);
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.True(++pages <= 1000, "the cursor never ends");
        }
        while (cursor is not null);
        return (items, total.Value);
    }

    /// <summary>The ids of every item of a list, page after page, and its total.</summary>
    public static async Task<(List<int> Ids, int Total)> WalkIdsAsync(AtlasApp app, string path, string query, int limit = 100)
    {
        using var client = app.CreateApiClient();
        var (items, total) = await WalkAsync(client, path, query, limit);
        return (Ids(items), total);
    }

    /// <summary>
    /// Walks every page, <paramref name="limit"/> items at a time, and checks the list returns <paramref name="expected"/> in that
    /// order (built on the database, ties by id): across every cursor, no item repeated, missing or out of place, and its total.
    /// </summary>
    public static async Task AssertWalkReturnsInOrderAsync(AtlasApp app, string path, string query, int limit, IReadOnlyList<int> expected)
    {
        Assert.True(expected.Count > limit, $"{path}?{query}: {expected.Count} items fit in one page of {limit}, the cursor would not be crossed.");
        var (ids, total) = await WalkIdsAsync(app, path, query, limit);
        Assert.Equal(expected, ids);
        Assert.Equal(expected.Count, total);
    }

    /// <summary>The sort a query asks for, <paramref name="byDefault"/> without one; "-" asks for the descending order.</summary>
    public static (string Name, bool Descending) Sort(string query, string byDefault)
    {
        var sort = Parameters(query).Where(p => p.Name == "sort").Select(p => p.Value).SingleOrDefault() ?? byDefault;
        return sort.StartsWith('-') ? (sort[1..], true) : (sort, false);
    }

    /// <summary>The query without its sort: the filter alone.</summary>
    public static string WithoutSort(string query) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("sort=", StringComparison.Ordinal)));

    /// <summary>Rows ordered by a key in SQL (the database's own order, its collation for text); the caller breaks ties by id.</summary>
    public static IOrderedQueryable<T> SortedBy<T, TKey>(IQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    /// <summary>The list filtered by <paramref name="query"/> holds exactly the <paramref name="expected"/> ids, and counts them.</summary>
    public static async Task AssertWalkFindsAsync(AtlasApp app, string path, string query, IReadOnlyCollection<int> expected)
    {
        Assert.True(expected.Count > 0, $"{path}?{query}: nothing in the demo data matches, the comparison would prove nothing.");
        var (found, total) = await WalkIdsAsync(app, path, query);
        Assert.Equal(expected.Order(), found.Order());
        Assert.Equal(expected.Count, total);
    }

    /// <summary>The <c>id</c> of each item.</summary>
    public static List<int> Ids(IEnumerable<JsonNode?> items) => items.Select(i => i!["id"]!.GetValue<int>()).ToList();

    /// <summary>The response is a problem+json of <paramref name="status"/>, naming <paramref name="parameter"/> if given.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? parameter = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        if (parameter is not null) Assert.NotNull(problem["errors"]![parameter]);
    }

    /// <summary>GET <paramref name="url"/> answers a 400 problem+json naming <paramref name="parameter"/>.</summary>
    public static async Task AssertBadParameterAsync(AtlasApp app, string url, string parameter)
    {
        using var client = app.CreateApiClient();
        using var response = await client.GetAsync(url, Ct);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, parameter);
    }

    /// <summary>GET <paramref name="url"/> answers a 404 problem+json.</summary>
    public static async Task AssertNotFoundAsync(AtlasApp app, string url)
    {
        using var client = app.CreateApiClient();
        using var response = await client.GetAsync(url, Ct);
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>A cursor made under <paramref name="firstQuery"/> is refused, naming <c>cursor</c>, under <paramref name="otherQuery"/>.</summary>
    public static async Task AssertCursorRefusedAsync(AtlasApp app, string path, string firstQuery, string otherQuery)
    {
        using var client = app.CreateApiClient();
        var first = (await client.GetFromJsonAsync<JsonObject>($"{path}?{firstQuery}", Ct))!;
        await AssertBadParameterAsync(app, $"{path}?{otherQuery}&cursor={first["nextCursor"]!.GetValue<string>()}", "cursor");
    }

    /// <summary>The OpenAPI document lists exactly <paramref name="parameters"/> for the list at <paramref name="path"/>, each described, and documents its item.</summary>
    public static async Task AssertDocumentedParametersAsync(AtlasApp app, string path, string[] parameters)
    {
        using var client = app.CreateApiClient();
        var doc = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Ct))!;
        var documented = doc["paths"]![path]!["get"]!["parameters"]!.AsArray().Select(p => p!).ToList();
        Assert.Equal(parameters, documented.Select(p => p["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(documented, p => Assert.False(string.IsNullOrWhiteSpace(p["description"]?.GetValue<string>()), p["name"]!.ToString()));
        Assert.NotNull(doc["paths"]![path + "/{id}"]);
    }

    /// <summary>The name and unescaped value of each parameter of a query string.</summary>
    public static IEnumerable<(string Name, string Value)> Parameters(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => (p[0], Uri.UnescapeDataString(p[1])));

    /// <summary>Whether every word of <paramref name="words"/> (none: always) is in one of <paramref name="texts"/>, folded, as the API's name searches match.</summary>
    public static bool MatchesWords(string? words, params IEnumerable<string> texts) =>
        words is null || words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold)
            .All(w => texts.Any(t => Fold(t).Contains(w, StringComparison.Ordinal)));

    /// <summary>Lower case without accents, to compare names as the API's searches do.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
            sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>The query with each {authority-key} replaced by that authority's id.</summary>
    public static async Task<string> WithAuthorityIdsAsync(AtlasDbContext db, string query)
    {
        foreach (Match match in AuthorityKey().Matches(query))
        {
            var key = match.Groups[1].Value;
            var id = await db.LocalAuthorities.Where(a => a.Key == key).Select(a => a.Id).SingleAsync(Ct);
            query = query.Replace(match.Value, id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        return query;
    }

    [GeneratedRegex(@"\{([a-z0-9-]+)\}")]
    private static partial Regex AuthorityKey();
}
