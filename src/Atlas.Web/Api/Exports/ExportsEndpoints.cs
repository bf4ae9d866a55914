namespace Atlas.Web.Api.Exports;

/// <summary>
/// Bulk downloads of the export tables in CSV and JSON Lines, streamed, each filtered like its list; and the
/// datapackage.json describing them (Frictionless Table Schema), generated from the same column declarations as the files and /donnees.
/// </summary>
internal static class ExportsEndpoints
{
    public const string DataPackagePath = "/api/v1/datapackage.json";
    public const string ExportsPath = "/api/v1/exports";

    /// <summary>Where the files are, relative to the datapackage.json (Data Package paths may not start with a slash).</summary>
    public const string RelativeExportsPath = "exports";

    /// <summary>The day the documentation's example file names carry.</summary>
    private static readonly DateOnly Example = new(2026, 12, 6);

    private static readonly Lazy<DataPackageDto> Package = new(() => DataPackageDto.Describe(ExportCatalog.Tables));

    public static void MapExportsApi(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/exports").WithTags("Exports");

        new ListDownloads<ProjectExport, ProjectFilter>(exports, ProjectsEndpoints.ReadFilter, ProjectsEndpoints.Filters)
            .Map(ProjectExportTables.Projects, (export, filter, reference, ct) => export.ProjectsAsync(filter, reference, ct))
            .Map(ProjectExportTables.Participants, (export, filter, reference, ct) => export.ParticipantsAsync(export.Matching(filter, reference), ct))
            .Map(ProjectExportTables.Fundings, (export, filter, reference, ct) => export.FundingsAsync(export.Matching(filter, reference), ct))
            .Map(ProjectExportTables.Themes, (export, filter, reference, _) => export.ThemesAsync(export.Matching(filter, reference)));

        new ListDownloads<PartnershipExport, PartnershipFilter>(exports, PartnershipsEndpoints.ReadFilter, PartnershipsEndpoints.Filters)
            .Map(PartnershipExport.Partnerships, (export, filter, reference, ct) => export.PartnershipsAsync(export.Matching(filter, reference), reference, ct))
            .Map(PartnershipExport.Authorities, (export, filter, reference, _) => export.AuthoritiesAsync(export.Matching(filter, reference)))
            .Map(PartnershipExport.Themes, (export, filter, reference, _) => export.ThemesAsync(export.Matching(filter, reference)));

        new ListDownloads<AuthorityExport, AuthorityFilter>(exports, AuthoritiesEndpoints.ReadFilter, AuthoritiesEndpoints.Filters)
            .Map(AuthorityExport.Table, (export, filter, reference, ct) => export.AuthoritiesAsync(filter, reference, ct));

        new ListDownloads<OrganisationExport, OrganisationFilter>(exports, OrganisationsEndpoints.ReadFilter, OrganisationsEndpoints.Filters)
            .Map(OrganisationExport.Table, (export, filter, _, _) => export.OrganisationsAsync(filter));

        new ListDownloads<FundingExport, FundingFilter>(exports, FundingsEndpoints.ReadFilter, FundingsEndpoints.Filters)
            .Map(FundingExport.Table, (export, filter, _, ct) => export.FundingsAsync(filter, ct));

        new ListDownloads<CountryExport, CountryFilter>(exports, (query, _) => CountriesEndpoints.ReadFilter(query), CountriesEndpoints.Filters)
            .Map(CountryExport.Table, (export, filter, _, _) => export.CountriesAsync(filter));

        new ListDownloads<DiplomaticPostExport, DiplomaticPostFilter>(exports, DiplomaticPostsEndpoints.ReadFilter, DiplomaticPostsEndpoints.Filters)
            .Map(DiplomaticPostExport.Posts, (export, filter, _, _) => export.PostsAsync(export.Matching(filter)))
            .Map(DiplomaticPostExport.Countries, (export, filter, _, _) => export.CountriesAsync(export.Matching(filter)));

        new ListDownloads<ThemeExport, NoFilter>(exports, (_, _) => NoFilter.Instance, [])
            .Map(ThemeExport.Table, (export, _, reference, ct) => export.ThemesAsync(reference, ct));

        api.MapGet("/datapackage.json", GetDataPackage)
            .WithTags("Exports")
            .WithName("GetDataPackage")
            .WithSummary("The data dictionary of the exports, as a Frictionless Data Package")
            .WithDescription("A tabular-data-package with one resource per export table: its CSV file (path relative to this document), " +
                "its JSON Lines twin, and its Table Schema (every column with its type, meaning and example, primary and foreign keys). " +
                "The exports validate against it. People read the same dictionary at /donnees.")
            .Produces<DataPackageDto>();
    }

    /// <summary>The file name of a table in a format: the last segment of its URL.</summary>
    public static string FileName(ExportTable table, ExportFormat format) => $"{table.FileName}.{format.Extension}";

    private static DataPackageDto GetDataPackage() => Package.Value;

    /// <summary>Maps the tables filtered like one list, each in every format, documented with that list's <paramref name="filters"/>.</summary>
    private sealed class ListDownloads<TExport, TFilter>(
        RouteGroupBuilder exports, Func<ApiQuery, ReferenceCatalog.Snapshot, TFilter?> readFilter, IReadOnlyList<ApiParameter> filters)
        where TFilter : class
        where TExport : notnull
    {
        public ListDownloads<TExport, TFilter> Map<TRow>(
            ExportTable<TRow> table, Func<TExport, TFilter, ReferenceCatalog.Snapshot, CancellationToken, IAsyncEnumerable<TRow>> rows)
        {
            foreach (var format in ExportFormat.All)
            {
                var download = new TableDownload<TExport, TFilter>(table, format, readFilter,
                    (export, filter, reference, chosen, output, baseUrl, ct) => chosen.WriteAsync(table, rows(export, filter, reference, ct), output, baseUrl, ct));
                exports.MapGet($"/{FileName(table, format)}",
                        (HttpContext http, [FromServices] TExport export, ReferenceCatalog catalog, CancellationToken ct) => download.RespondAsync(http, export, catalog, ct))
                    .WithName($"Export{Pascal(table.FileName)}{Pascal(format.Extension)}")
                    .WithSummary($"Download {table.Title.ToLowerInvariant()} as {format.Title}")
                    .WithDescription($"{table.Description} {Layout(format)} Streamed; the filters mean the same as in {table.Filters} " +
                        $"and unknown parameters are refused with 400. Links are absolute. The file is named {table.DownloadName(Example)}.{format.Extension} " +
                        $"on the day it is downloaded. Every column is described in {DataPackagePath} and on /donnees.")
                    .Produces<string>(StatusCodes.Status200OK, format.ContentType)
                    .WithApiParameters(format == ExportFormat.Csv ? [.. filters, CsvDialectParameter.Parameter] : filters)
                    .ProducesValidationProblem();
            }
            return this;
        }

        private static string Layout(ExportFormat format) => format == ExportFormat.Csv
            ? $"RFC 4180 CSV in UTF-8 without byte order mark: a header row, CRLF line ends, fields quoted only when needed, decimal point, " +
              $"ISO 8601 dates, repeated values joined with \"{ExportColumn.Joiner}\". With dialect=excel, the same file as French spreadsheets " +
              $"open it: a byte order mark, semicolons between fields and a decimal comma (named …-excel-….csv)."
            : "JSON Lines: one JSON object per line, keyed by the CSV column names, repeated values as arrays, null for no value.";

        private static string Pascal(string name) =>
            string.Concat(name.Split('-', '_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
