namespace Atlas.Web.Api.DiplomaticPosts;

/// <summary>GET /api/v1/diplomatic-posts and /api/v1/diplomatic-posts/{id}: French embassies, the countries they follow and their contacts.</summary>
internal static class DiplomaticPostsEndpoints
{
    /// <summary>The filters of the list, its downloads and their documentation.</summary>
    internal static readonly IReadOnlyList<ApiParameter> Filters =
    [
        new("country", "A country the post follows, ISO 3166-1 alpha-2 (MA)."),
    ];

    public static void MapDiplomaticPostsApi(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/diplomatic-posts").WithTags("Diplomatic posts");

        posts.MapList<DiplomaticPostItemDto>(ListAsync, "ListDiplomaticPosts", "List French embassies and the countries they follow",
            "Each post with its countries and contacts (names, functions and roles; no e-mail addresses).",
            Filters, "id (default) or name", "-name");

        posts.MapRecord<DiplomaticPostItemDto>("/{id:int}", GetAsync, "GetDiplomaticPost", "One diplomatic post",
            "The post, the countries it follows and its contacts (names, functions and roles; no e-mail addresses).")
            .ProducesValidationProblem();
    }

    public static string ApiUrl(int id) => $"/api/v1/diplomatic-posts/{id}";

    private static Task<IResult> ListAsync(HttpContext http, DiplomaticPostList list, ReferenceCatalog catalog, CancellationToken ct) =>
        ListAnswer.ReadAsync(http, catalog, ReadFilter, DiplomaticPostList.Sorts, (filter, request, _) => list.ListAsync(filter, request, ct),
            (post, _) => ToItem(post), ct);

    /// <summary>The post filter of a query string, checked by the Core validator; null with errors.</summary>
    internal static DiplomaticPostFilter? ReadFilter(ApiQuery query, ReferenceCatalog.Snapshot reference)
    {
        var filter = new DiplomaticPostFilter { Country = query.Text("country")?.ToUpperInvariant() };
        return query.Check(filter, new DiplomaticPostFilterValidator(reference),
            DiplomaticPostFilterValidator.English)
            ? filter
            : null;
    }

    /// <param name="id">The post's id.</param>
    private static async Task<IResult> GetAsync(int id, HttpContext http, DiplomaticPostQuery query, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var post = await query.GetAsync(id, ct);
        return post is null ? ApiProblems.NotFound($"There is no diplomatic post {id}.") : Results.Ok(ToItem(post));
    }

    /// <summary>A post with its countries and contacts: names, functions and roles, never e-mail addresses.</summary>
    public static DiplomaticPostItemDto ToItem(DiplomaticPost post) => new(
        post.Id, post.Name, post.City,
        post.Countries.Select(c => new CountryLinkDto(c.CountryCode, c.Country?.Name ?? c.CountryCode, CountriesEndpoints.Url(c.CountryCode), CountriesEndpoints.ApiUrl(c.CountryCode))).ToList(),
        post.Contacts.Select(c => new ContactDto(c.FullName, c.Function, EnumCode<ContactRole>.ToCode(c.Role), null)).ToList(),
        ApiUrl(post.Id));
}
