namespace Atlas.Web.Api.Organisations;

/// <summary>GET /api/v1/organisations and /api/v1/organisations/{id}: the participants that are not local authorities.</summary>
internal static class OrganisationsEndpoints
{
    /// <summary>The filters of the list, its downloads and their documentation.</summary>
    internal static readonly IReadOnlyList<ApiParameter> Filters =
    [
        new("q", "Words that must each be a whole word or the start of one in the name; case and accents ignored."),
        new("kind", "association, ngo, university, agency, ministry, programme, company, school or other."),
        new("country", "Its country, ISO 3166-1 alpha-2 (MA, FR)."),
    ];

    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");

        organisations.MapList<OrganisationListItemDto>(ListAsync, "ListOrganisations", "Search organisations",
            "Associations, NGOs, universities, agencies, ministries and programmes taking part in or funding projects, matching every filter given.",
            Filters, "id (default) or name", "-name");

        organisations.MapRecord<OrganisationDto>("/{id:int}", GetAsync, "GetOrganisation", "One organisation's record",
            "The organisation with the projects it takes part in (and in which roles) or funds.");
    }

    private static Task<IResult> ListAsync(HttpContext http, OrganisationList list, ReferenceCatalog catalog, CancellationToken ct) =>
        ListAnswer.ReadAsync(http, catalog, ReadFilter, OrganisationList.Sorts, (filter, request, _) => list.ListAsync(filter, request, ct), ToListItem, ct);

    private static OrganisationListItemDto ToListItem(OrganisationRow o, ReferenceCatalog.Snapshot reference) => new(
        o.Id, o.Name, EnumCode<OrganisationKind>.ToCode(o.Kind), Country(o.CountryCode, reference), o.City, o.Website, o.ProjectCount,
        o.UpdatedAt, ApiUrl(o.Id));

    internal static OrganisationFilter? ReadFilter(ApiQuery query, ReferenceCatalog.Snapshot reference)
    {
        var filter = new OrganisationFilter
        {
            Query = query.Text("q"),
            Kind = query.Code<OrganisationKind>("kind"),
            Country = query.Text("country")?.ToUpperInvariant(),
        };
        return query.Check(filter, new OrganisationFilterValidator(reference), OrganisationFilterValidator.English) ? filter : null;
    }

    /// <param name="id">The organisation's id.</param>
    private static async Task<IResult> GetAsync(int id, HttpContext http, OrganisationRecordQuery query, ReferenceCatalog catalog, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var record = await query.GetAsync(id, ct);
        if (record is null) return ApiProblems.NotFound($"There is no organisation {id}.");
        var reference = await catalog.GetAsync(ct);
        var o = record.Organisation;
        return Results.Ok(new OrganisationDto(
            o.Id, o.Name, EnumCode<OrganisationKind>.ToCode(o.Kind), Country(o.CountryCode, reference), o.City, o.Website,
            record.Projects.Select(p => new OrganisationProjectDto(
                p.Id, p.Title, EnumCode<ProjectStatus>.ToCode(p.Status), p.StartYear, p.Roles.Select(EnumCode<ParticipantRole>.ToCode).ToList(), p.Funds,
                ProjectDtoMapping.ProjectUrl(p.Id), ProjectDtoMapping.ProjectApiUrl(p.Id))).ToList(),
            o.UpdatedAt, ApiUrl(o.Id)));
    }

    public static string ApiUrl(int id) => $"/api/v1/organisations/{id}";

    private static CodeName? Country(string? code, ReferenceCatalog.Snapshot reference) =>
        code is null ? null : new CodeName(code, reference.CountryName(code));
}
