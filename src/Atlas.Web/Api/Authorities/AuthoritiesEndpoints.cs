namespace Atlas.Web.Api.Authorities;

/// <summary>GET /api/v1/authorities and /api/v1/authorities/{id}: French and foreign local authorities.</summary>
internal static class AuthoritiesEndpoints
{
    /// <summary>The filters of the list, its downloads and their documentation.</summary>
    internal static readonly IReadOnlyList<ApiParameter> Filters =
    [
        new("q", "Words that must each be a whole word or the start of one in the name or other names; case and accents ignored (fes finds Commune urbaine de Fès, jedida finds El Jadida, opole does not find Nantes Métropole)."),
        new("country", "Its country, ISO 3166-1 alpha-2 (MA; FR for French authorities)."),
        new("kind", "Kind of authority: commune, departement, region, communaute-urbaine, communaute-agglomeration, metropole, commune-urbaine, commune-rurale, province, prefecture, conseil-regional, gouvernorat, union-municipalites, cercle, wilaya, land or other."),
        new("region", "French region, INSEE code (93): the authority's own region or its département's."),
        new("department", "French département, INSEE code (13, 2A)."),
    ];

    public static void MapAuthoritiesApi(this RouteGroupBuilder api)
    {
        var authorities = api.MapGroup("/authorities").WithTags("Authorities");

        authorities.MapList<AuthorityListItemDto>(ListAsync, "ListAuthorities", "Search local authorities",
            "French and foreign local authorities matching every filter given.",
            Filters, "id (default), name or population", "-population");

        authorities.MapGet("/suggestions", SuggestAsync)
            .WithName("SuggestAuthorities")
            .WithSummary("Suggest authorities whose name resembles a typed text")
            .WithDescription("Typo-tolerant look-up for search boxes: the authorities with a word in their name that resembles q " +
                "(trigram similarity, case and accents ignored: Sainte-Chamgni finds Sainte-Chamgny), most similar first.")
            .WithApiParameters([new("q", "What was typed, 2 to 100 characters."), new("limit", "How many suggestions, 1 to 20 (default 10).")])
            .Produces<IReadOnlyList<AuthoritySuggestionDto>>()
            .ProducesValidationProblem();

        authorities.MapRecord<AuthorityDto>("/{id:int}", GetAsync, "GetAuthority", "One local authority's record",
            "The authority's identity, kind, country, region and département, population, leader, identifiers and website, " +
                "its partnerships and how many projects it takes part in.");
    }

    private static Task<IResult> ListAsync(HttpContext http, AuthorityList list, ReferenceCatalog catalog, CancellationToken ct) =>
        ListAnswer.ReadAsync(http, catalog, ReadFilter, AuthorityList.Sorts, (filter, request, _) => list.ListAsync(filter, request, ct), ToListItem, ct);

    private static AuthorityListItemDto ToListItem(AuthorityRow a, ReferenceCatalog.Snapshot reference) => new(
        a.Id, a.Name, EnumCode<AuthorityKind>.ToCode(a.Kind), new CodeName(a.CountryCode, reference.CountryName(a.CountryCode)),
        Region(a.RegionCode, reference), Department(a.DepartmentCode, reference), a.Population, a.PopulationYear, a.PartnershipCount,
        a.UpdatedAt, ProjectDtoMapping.AuthorityUrl(a.Id), ApiUrl(a.Id));

    private static async Task<IResult> SuggestAsync(
        HttpContext http, AuthoritySuggestionQuery suggestions, ReferenceCatalog catalog, CancellationToken ct)
    {
        var query = new ApiQuery(http.Request.Query);
        var typed = query.Text("q");
        var count = query.Integer("limit", 1, AuthoritySuggestionQuery.MaxLimit) ?? 10;
        if (typed is null || typed.Length < 2 || typed.Length > AuthoritySuggestionQuery.MaxLength)
            query.Error("q", $"Give 2 to {AuthoritySuggestionQuery.MaxLength} characters.");
        if (!query.IsValid()) return query.Problem();

        var reference = await catalog.GetAsync(ct);
        var found = await suggestions.SuggestAsync(typed!, count, ct);
        return Results.Ok(found.Select(a => new AuthoritySuggestionDto(
            a.Id, a.Name, new CodeName(a.CountryCode, reference.CountryName(a.CountryCode)), Math.Round(a.Similarity, 3), ApiUrl(a.Id))).ToList());
    }

    internal static AuthorityFilter? ReadFilter(ApiQuery query, ReferenceCatalog.Snapshot reference)
    {
        var filter = new AuthorityFilter
        {
            Query = query.Text("q"),
            Country = query.Text("country")?.ToUpperInvariant(),
            Kind = query.Code<AuthorityKind>("kind"),
            Region = query.Text("region"),
            Department = query.Text("department")?.ToUpperInvariant(),
        };
        return query.Check(filter, new AuthorityFilterValidator(reference), AuthorityFilterValidator.English) ? filter : null;
    }

    /// <param name="id">The authority's id.</param>
    private static async Task<IResult> GetAsync(int id, HttpContext http, AuthorityRecordQuery query, ReferenceCatalog catalog, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var record = await query.GetAsync(id, ct);
        if (record is null) return ApiProblems.NotFound($"There is no authority {id}.");
        var reference = await catalog.GetAsync(ct);
        var a = record.Authority;
        int Count(ProjectStatus status) => record.ProjectCounts.GetValueOrDefault(status);
        return Results.Ok(new AuthorityDto(
            a.Id, a.Name, a.AlternateNames, EnumCode<AuthorityKind>.ToCode(a.Kind), new CodeName(a.CountryCode, reference.CountryName(a.CountryCode)),
            Region(a.RegionCode ?? a.Department?.RegionCode, reference), Department(a.DepartmentCode, reference),
            a.Population, a.PopulationYear,
            a.LeaderName is null && a.LeaderTitle is null ? null : new LeaderDto(a.LeaderName, a.LeaderTitle),
            a.InseeCode, a.Siren, a.Website,
            a.Contacts.Select(PartnershipsEndpoints.Contact).ToList(),
            record.Partnerships.Select(p => PartnershipsEndpoints.ToListItem(p, reference)).ToList(),
            new ProjectCountsDto(record.ProjectCounts.Values.Sum(), Count(ProjectStatus.Planned), Count(ProjectStatus.Ongoing), Count(ProjectStatus.Completed),
                $"/api/v1/projects?authority={a.Id}"),
            a.UpdatedAt, ProjectDtoMapping.AuthorityUrl(a.Id), ApiUrl(a.Id)));
    }

    public static string ApiUrl(int id) => $"/api/v1/authorities/{id}";

    private static CodeName? Region(string? code, ReferenceCatalog.Snapshot reference) =>
        code is null ? null : new CodeName(code, reference.Regions.GetValueOrDefault(code, code));

    private static CodeName? Department(string? code, ReferenceCatalog.Snapshot reference) =>
        code is null ? null : new CodeName(code, reference.Departments.TryGetValue(code, out var d) ? d.Name : code);
}
