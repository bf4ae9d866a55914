namespace Atlas.Web.Api.Partnerships;

/// <summary>GET /api/v1/partnerships and /api/v1/partnerships/{id}.</summary>
internal static class PartnershipsEndpoints
{
    /// <summary>The filters of the list, its downloads and their documentation.</summary>
    internal static readonly IReadOnlyList<ApiParameter> Filters =
    [
        new("q", "Words that must each be a whole word or the start of one in the title or in the names of one of its authorities; case and accents ignored (fes finds Fès)."),
        new("country", "Country of one of its foreign authorities, ISO 3166-1 alpha-2 (MA)."),
        new("region", "Region of one of its French authorities, INSEE code (93)."),
        new("department", "Département of one of its French authorities, INSEE code (13, 2A)."),
        new("authority", "Id of one of its authorities, French or foreign."),
        new("theme", "Theme key at any level, sub-themes included: a theme given to the partnership itself, never one of its projects' (developpement-urbain)."),
        new("status", "active, ended, planned, suspended or unknown."),
        new("signedFrom", "Earliest year of signature."),
        new("signedTo", "Latest year of signature."),
    ];

    public static void MapPartnershipsApi(this RouteGroupBuilder api)
    {
        var partnerships = api.MapGroup("/partnerships").WithTags("Partnerships");

        partnerships.MapList<PartnershipListItemDto>(ListAsync, "ListPartnerships", "Search partnerships",
            "Partnerships between French and foreign local authorities matching every filter given.",
            Filters, "id (default), title, signedYear or updatedAt", "-signedYear");

        partnerships.MapRecord<PartnershipDto>("/{id:int}", GetAsync, "GetPartnership", "One partnership's whole record",
            "The partnership with its authorities, legal frame, dates, status, history, domains, themes, contacts and projects.");
    }

    private static Task<IResult> ListAsync(HttpContext http, PartnershipList list, ReferenceCatalog catalog, CancellationToken ct) =>
        ListAnswer.ReadAsync(http, catalog, ReadFilter, PartnershipList.Sorts, (filter, request, reference) => list.ListAsync(filter, request, reference, ct),
            ToListItem, ct);

    internal static PartnershipFilter? ReadFilter(ApiQuery query, ReferenceCatalog.Snapshot reference)
    {
        var filter = query.Cooperation().Onto(new PartnershipFilter
        {
            Status = query.Code<PartnershipStatus>("status"),
            SignedFrom = query.Integer("signedFrom", ReferenceRules.MinYear, ReferenceRules.MaxYear),
            SignedTo = query.Integer("signedTo", ReferenceRules.MinYear, ReferenceRules.MaxYear),
        });
        return query.Check(filter, new PartnershipFilterValidator(reference), PartnershipFilterValidator.English) ? filter : null;
    }

    /// <param name="id">The partnership's id.</param>
    private static async Task<IResult> GetAsync(int id, HttpContext http, PartnershipRecordQuery query, ReferenceCatalog catalog, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var reference = await catalog.GetAsync(ct);
        var record = await query.GetAsync(id, reference, ct);
        if (record is null) return ApiProblems.NotFound($"There is no partnership {id}.");
        return Results.Ok(ToDto(record, reference));
    }

    public static string ApiUrl(int id) => $"/api/v1/partnerships/{id}";

    /// <summary>Partnerships have no page of their own: they are listed on their partner country's page.</summary>
    public static string? Url(int id, IReadOnlyList<string> foreignCountries) =>
        foreignCountries.Count == 0 ? null : $"/pays/{foreignCountries[0]}#partenariat-{id}";

    public static PartnershipListItemDto ToListItem(PartnershipItem p, ReferenceCatalog.Snapshot reference)
    {
        var countries = p.ForeignCountries;
        return new PartnershipListItemDto(
            p.Id, p.Title, p.LegalFrame, p.SignedOn, p.SignedYear, EnumCode<PartnershipStatus>.ToCode(p.Status),
            p.Authorities.Select(Authority).ToList(), countries.Select(c => new CodeName(c, reference.CountryName(c))).ToList(),
            p.ProjectCount, p.UpdatedAt, Url(p.Id, countries), ApiUrl(p.Id));
    }

    private static PartnershipDto ToDto(PartnershipRecord record, ReferenceCatalog.Snapshot reference)
    {
        var p = record.Partnership;
        var countries = record.Authorities.Where(a => !a.IsFrench).Select(a => a.CountryCode).Distinct().ToList();
        return new PartnershipDto(
            p.Id, p.Title, p.LegalFrame, p.SignedOn, p.SignedYear, EnumCode<PartnershipStatus>.ToCode(p.Status), p.History, p.Domains,
            record.Authorities.Select(Authority).ToList(),
            countries.Select(c => new CodeName(c, reference.CountryName(c))).ToList(),
            p.Themes.Select(t => ProjectDtoMapping.Theme(t.ThemeId, reference)).ToList(),
            p.Contacts.Select(Contact).ToList(),
            record.Projects.Select(project => ProjectDtoMapping.ToListItem(project, reference)).ToList(),
            p.Source, p.UpdatedAt, Url(p.Id, countries), ApiUrl(p.Id));
    }

    private static PartnershipAuthorityDto Authority(PartnerAuthority a) => new(
        a.Id, a.Name, EnumCode<AuthorityKind>.ToCode(a.Kind), a.CountryCode, ProjectDtoMapping.AuthorityUrl(a.Id), AuthoritiesEndpoints.ApiUrl(a.Id));

    /// <summary>Names and functions only: e-mail addresses are personal data and stay on the protected public pages.</summary>
    public static ContactDto Contact(Contact c) =>
        new(c.FullName, c.Function, EnumCode<ContactRole>.ToCode(c.Role), c.LocalAuthority?.Name ?? c.Organisation?.Name);
}
