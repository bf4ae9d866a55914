namespace Atlas.Web.Api.Fundings;

/// <summary>GET /api/v1/fundings: every project's funding lines, amounts in their own currency.</summary>
internal static class FundingsEndpoints
{
    /// <summary>The filters of the list, its downloads and their documentation.</summary>
    internal static readonly IReadOnlyList<ApiParameter> Filters =
    [
        new("funder", "Part of the funder's name (authority or organisation), accents and case ignored (region finds Région)."),
        new("funderAuthority", "Id of the local authority that pays."),
        new("funderOrganisation", "Id of the organisation that pays."),
        new("country", "Partner country of the funded project, ISO 3166-1 alpha-2 (MA)."),
        new("year", "Year of the funding."),
        new("currency", "Currency of the amount, ISO 4217 (EUR, MAD)."),
        new("project", "Id of the funded project."),
    ];

    public static void MapFundingsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/fundings").WithTags("Fundings")
            .MapList<FundingLineDto>(ListAsync, "ListFundings", "Search funding lines",
            "Who pays how much for which project, which year. Amounts keep their own currency and are never converted: " +
                "filter by currency to add them up.",
            Filters, "id (default), amount (the raw number, whatever its currency) or year", "-amount");
    }

    private static Task<IResult> ListAsync(HttpContext http, FundingList list, ReferenceCatalog catalog, CancellationToken ct) =>
        ListAnswer.ReadAsync(http, catalog, ReadFilter, FundingList.Sorts, (filter, request, _) => list.ListAsync(filter, request, ct), (line, _) => ToItem(line), ct);

    /// <summary>The funding filter of a query string, checked by the Core validator; null with errors.</summary>
    internal static FundingFilter? ReadFilter(ApiQuery query, ReferenceCatalog.Snapshot reference)
    {
        var filter = new FundingFilter
        {
            Funder = query.Text("funder"),
            FunderAuthority = query.Integer("funderAuthority", 1, int.MaxValue),
            FunderOrganisation = query.Integer("funderOrganisation", 1, int.MaxValue),
            Country = query.Text("country")?.ToUpperInvariant(),
            Year = query.Integer("year", FundingFilterValidator.MinYear, FundingFilterValidator.MaxYear),
            Currency = query.Text("currency")?.ToUpperInvariant(),
            Project = query.Integer("project", 1, int.MaxValue),
        };
        return query.Check(filter, new FundingFilterValidator(reference), FundingFilterValidator.English) ? filter : null;
    }

    private static FundingLineDto ToItem(FundingRow f) => new(
        f.Id,
        new FundedProjectDto(f.ProjectId, f.ProjectTitle, ProjectDtoMapping.ProjectUrl(f.ProjectId), ProjectDtoMapping.ProjectApiUrl(f.ProjectId)),
        f.FunderAuthorityId is { } authority
            ? new FunderDto("authority", authority, f.FunderName, f.FunderCountry, ProjectDtoMapping.AuthorityUrl(authority), $"/api/v1/authorities/{authority}")
            : new FunderDto("organisation", f.FunderOrganisationId!.Value, f.FunderName, f.FunderCountry, null, $"/api/v1/organisations/{f.FunderOrganisationId}"),
        f.Amount, f.CurrencyCode, f.WaterLawAmount, f.Year, f.Note);
}
