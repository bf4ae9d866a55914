namespace Atlas.Web.Api.Countries;

/// <summary>GET /api/v1/countries and /api/v1/countries/{code}: countries with their counts, and a country's record as its page shows it.</summary>
internal static class CountriesEndpoints
{
    /// <summary>The filters of the list, its downloads and their documentation.</summary>
    internal static readonly IReadOnlyList<ApiParameter> Filters =
    [
        new("q", "Part of the French or English name, accents and case ignored (cote finds Côte d'Ivoire)."),
        new("all", "true: every country, with or without partnerships; false (default): only partner countries (at least one partnership or project, France never)."),
        new("hasPartnerships", "true: only countries with at least one partnership; false: only those without. Given, it wins over all."),
    ];

    public static void MapCountriesApi(this RouteGroupBuilder api)
    {
        var countries = api.MapGroup("/countries").WithTags("Countries");

        countries.MapList<CountryListItemDto>(ListAsync, "ListCountries", "List countries with their counts of partnerships and projects",
            "By default the partner countries: every country but France with at least one partnership or project (France is the home side " +
                "of every partnership and counts none); all=true lists every ISO 3166-1 country.",
            Filters, "code (default), name, projects or partnerships (the counts)", "-partnerships");

        countries.MapRecord<CountryDto>("/{code}", GetAsync, "GetCountry", "One country's record",
            "The country, the French embassy following it with its contacts (no e-mail addresses), its partnerships and their French partners by region.")
            .ProducesValidationProblem();
    }

    public static string Url(string code) => $"/pays/{code}";
    public static string ApiUrl(string code) => $"/api/v1/countries/{code}";

    private static async Task<IResult> ListAsync(
        HttpContext http, CountryList list, CancellationToken ct)
    {
        // The query string is read as a whole so that a bad or unknown parameter is named (ApiParameter documents them).
        var query = new ApiQuery(http.Request.Query);
        if (!query.TryReadList(ReadFilter, CountryList.Sorts, "code", out var filter, out var request)) return query.Problem();

        var page = await list.ListAsync(filter, request, ct);
        return ListAnswer.Ok(page, c => new CountryListItemDto(c.Code, c.Name, c.NameEn, c.Partnerships, c.Projects, Url(c.Code), ApiUrl(c.Code)));
    }

    /// <summary>The country filter of a query string (all and hasPartnerships folded into one), checked by the Core validator; null with errors.</summary>
    internal static CountryFilter? ReadFilter(ApiQuery query)
    {
        var everyCountry = Boolean(query, "all") ?? false;
        var filter = new CountryFilter
        {
            Query = query.Text("q"),
            HasPartnerships = Boolean(query, "hasPartnerships"),
            IsPartner = everyCountry || query.Text("hasPartnerships") is not null ? null : true,
        };
        return query.Check(filter, new CountryFilterValidator(), CountryFilterValidator.English)
            ? filter
            : null;
    }

    /// <param name="code">ISO 3166-1 alpha-2 code, case ignored (MA, ma).</param>
    /// <param name="profiles">The country's record.</param>
    private static async Task<IResult> GetAsync(string code, HttpContext http, CountryProfileQuery profiles, DiplomaticPostQuery posts, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        if (code.Length != 2 || !code.All(char.IsAsciiLetter)) return ApiProblems.NotFound($"There is no country {code}: give an ISO 3166-1 alpha-2 code, e.g. MA.");
        var profile = await profiles.GetAsync(code, CountryProfilePage.Everything, ct);
        if (profile is null) return ApiProblems.NotFound($"There is no country {code.ToUpperInvariant()}.");

        var country = profile.Country;
        var followedBy = await posts.ForCountryAsync(country.Code, ct);
        return Results.Ok(new CountryDto(
            country.Code, country.Name, country.NameEn, profile.PartnershipCount, profile.ProjectCount,
            followedBy.Select(DiplomaticPostsEndpoints.ToItem).ToList(),
            profile.Partnerships.Select(p => new CountryPartnershipDto(
                p.Id, p.Title, EnumCode<PartnershipStatus>.ToCode(p.Status), p.SignedYear, p.Authorities.Select(Authority).ToList(), p.ProjectCount,
                $"{Url(country.Code)}#partenariat-{p.Id}", $"/api/v1/partnerships/{p.Id}")).ToList(),
            profile.FrenchPartnersByRegion.Select(r => new CountryRegionPartnersDto(
                r.RegionCode is null ? null : new CodeName(r.RegionCode, r.RegionName), r.Authorities.Select(Authority).ToList())).ToList(),
            $"/api/v1/projects?country={country.Code}", Url(country.Code), ApiUrl(country.Code)));
    }

    private static PartnershipAuthorityDto Authority(LocalAuthority a) => new(
        a.Id, a.Name, EnumCode<AuthorityKind>.ToCode(a.Kind), a.CountryCode, ProjectDtoMapping.AuthorityUrl(a.Id), $"/api/v1/authorities/{a.Id}");

    /// <summary>true or false, case ignored; anything else is named in the 400 answer.</summary>
    private static bool? Boolean(ApiQuery query, string name)
    {
        var text = query.Text(name);
        if (text is null) return null;
        if (bool.TryParse(text, out var value)) return value;
        query.Error(name, "Must be true or false.");
        return null;
    }
}
