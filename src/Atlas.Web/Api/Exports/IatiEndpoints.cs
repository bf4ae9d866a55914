using Atlas.Core.Export.Iati;

namespace Atlas.Web.Api.Exports;

/// <summary>Projects as IATI 2.03 activity XML: by the project list's filters, by authority, by country.</summary>
internal static class IatiEndpoints
{
    private const string ContentType = "application/xml";

    /// <summary>atlas-projets-iati-2026-12-06.xml; an authority's and a country's files name them before the date.</summary>
    private const string FileStem = "projets-iati";

    private const string Contents = "One iati-activity per project, valid against the IATI 2.03 activity schema: reporting organisation, " +
        "participating organisations with their IATI roles (funders 1, maîtres d'ouvrage 2, assistants à maîtrise d'ouvrage 3, maîtres d'œuvre 4), " +
        "activity status and dates, recipient countries, sectors (OECD DAC CRS purpose codes mapped from the atlas's themes), the total cost as a budget " +
        "and each funding line with a year as an incoming-commitment transaction, every amount in its own currency. " +
        "iati-identifier is the reporting organisation's identifier, a hyphen and the project's id; a document-link gives the project's page " +
        "on the portal (absolute address). The file is named atlas-projets-iati-2026-12-06.xml on the day it is downloaded " +
        "(atlas-projets-iati-collectivite-12-… for an authority, atlas-projets-iati-ma-… for a country). Streamed. ";

    public static void MapIatiApi(this RouteGroupBuilder api)
    {
        MapFile(api, "/exports/iati-activities.xml", ExportAsync, "ExportIatiActivities", "Projects as IATI 2.03 activity XML",
                "The filters mean the same as in /api/v1/projects. Unknown parameters are refused with 400; " +
                "a filter that matches no project answers 404, since an IATI file holds at least one activity.")
            .WithApiParameters(ProjectsEndpoints.Filters);

        MapFile(api, "/authorities/{id:int}/iati-activities.xml", AuthorityAsync, "ExportAuthorityIatiActivities",
            "An authority's projects as IATI 2.03 activity XML",
            "It holds the projects the authority takes part in, as /api/v1/projects?authority={id}. Takes no parameter; " +
                "404 for an unknown authority or one without projects.");

        MapFile(api, "/countries/{code}/iati-activities.xml", CountryAsync, "ExportCountryIatiActivities",
            "A partner country's projects as IATI 2.03 activity XML",
            "It holds the projects with a partner in the country, as /api/v1/projects?country={code}. Takes no parameter; " +
                "404 for an unknown country or one without projects.");
    }

    /// <summary>One IATI file's endpoint: XML, or a 400 for a bad parameter, or a 404 when it would hold no activity.</summary>
    private static RouteHandlerBuilder MapFile(RouteGroupBuilder api, string pattern, Delegate handler, string name, string summary, string description) =>
        api.MapGet(pattern, handler)
            .WithTags("Exports")
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(Contents + description)
            .Produces<string>(StatusCodes.Status200OK, ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> ExportAsync(
        HttpContext http, IatiActivityExport export, ReferenceCatalog catalog, IConfiguration configuration, CancellationToken ct)
    {
        // The query string is read as a whole so that a bad or unknown parameter is named (ApiParameter documents them).
        var reference = await catalog.GetAsync(ct);
        var query = new ApiQuery(http.Request.Query);
        var filter = ProjectsEndpoints.ReadFilter(query, reference);
        if (!query.IsValid() || filter is null) return query.Problem();
        return await FileAsync(export, filter, reference, configuration, http, null, "No project matches these filters", ct);
    }

    /// <param name="id">The authority's id.</param>
    private static async Task<IResult> AuthorityAsync(
        int id, HttpContext http, AuthorityEditQuery authorities, IatiActivityExport export, ReferenceCatalog catalog, IConfiguration configuration, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        if (!await authorities.ExistsAsync(id, ct)) return ApiProblems.NotFound($"There is no authority {id}.");
        var reference = await catalog.GetAsync(ct);
        return await FileAsync(export, new ProjectFilter { Authority = id }, reference, configuration, http,
            $"collectivite-{id}", $"Authority {id} takes part in no project", ct);
    }

    /// <param name="code">The country's ISO 3166-1 alpha-2 code (MA).</param>
    private static async Task<IResult> CountryAsync(
        string code, HttpContext http, IatiActivityExport export, ReferenceCatalog catalog, IConfiguration configuration, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var reference = await catalog.GetAsync(ct);
        var iso = code.ToUpperInvariant();
        if (!reference.Countries.ContainsKey(iso)) return ApiProblems.NotFound($"There is no country {code}.");
        return await FileAsync(export, new ProjectFilter { Country = iso }, reference, configuration, http,
            iso.ToLowerInvariant(), $"No project has a partner in {reference.CountryName(iso)}", ct);
    }

    private static async Task<IResult> FileAsync(
        IatiActivityExport export, ProjectFilter filter, ReferenceCatalog.Snapshot reference, IConfiguration configuration,
        HttpContext http, string? variant, string nothing, CancellationToken ct)
    {
        if (!await export.AnyAsync(filter, reference, ct))
            return ApiProblems.NotFound($"{nothing}: an IATI activity file holds at least one activity.");
        var reportingOrg = ReportingOrg(configuration);
        var context = http.RequestServices.GetRequiredService<DownloadContext>();
        var baseUrl = context.BaseUrl(http.Request);
        var fileName = $"{ExportTable.DatedName(FileStem, context.Today, variant)}.xml";
        return Results.Stream(body => export.WriteAsync(body, filter, reference, reportingOrg, baseUrl, ct), ContentType, fileName);
    }

    /// <summary>Atlas:Iati:ReportingOrgRef, …Type and …Name; the defaults of <see cref="IatiReportingOrg.Default"/> otherwise.</summary>
    private static IatiReportingOrg ReportingOrg(IConfiguration configuration)
    {
        var section = configuration.GetSection("Atlas:Iati");
        static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return new IatiReportingOrg(
            Value(section["ReportingOrgRef"]) ?? IatiReportingOrg.Default.Ref,
            Value(section["ReportingOrgType"]) ?? IatiReportingOrg.Default.Type,
            Value(section["ReportingOrgName"]) ?? IatiReportingOrg.Default.Name);
    }
}
