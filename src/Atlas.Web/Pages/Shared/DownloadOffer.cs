namespace Atlas.Web.Pages.Shared;

/// <summary>
/// One list of a page's « Télécharger ces résultats » block (<c>_Downloads.cshtml</c>): the export of <see cref="Kind"/>
/// filtered by <see cref="Query"/>, the page's own filters written as the API's parameters (country=MA&amp;theme=…), so
/// that the files hold exactly the records the page lists, every page of them. The factories write a Core filter as those
/// parameters; a page with no filter passes an empty query.
/// </summary>
/// <param name="Kind">Which export.</param>
/// <param name="Query">The API query string without "?"; empty for the whole list.</param>
/// <param name="Count">How many records the page found: none hides the links (there is nothing to download); null when unknown.</param>
public sealed record DownloadOffer(DownloadKind Kind, string Query, int? Count = null)
{
    /// <summary>The export table, whose CSV and JSON Lines files the links point at.</summary>
    public ExportTable Table => Kind switch
    {
        DownloadKind.Projects => ProjectExportTables.Projects,
        DownloadKind.Partnerships => PartnershipExport.Partnerships,
        DownloadKind.Authorities => AuthorityExport.Table,
        DownloadKind.Countries => CountryExport.Table,
        DownloadKind.Themes => ThemeExport.Table,
        DownloadKind.Organisations => OrganisationExport.Table,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    /// <summary>Projects have an IATI activity file too, filtered the same way.</summary>
    public bool HasIati => Kind == DownloadKind.Projects;

    public bool IsEmpty => Count == 0;

    public string CsvUrl => Url($"{ExportsEndpoints.ExportsPath}/{ExportsEndpoints.FileName(Table, ExportFormat.Csv)}", Query);

    public string SpreadsheetUrl => Url($"{ExportsEndpoints.ExportsPath}/{ExportsEndpoints.FileName(Table, ExportFormat.Csv)}",
        Join(Query, $"{CsvDialectParameter.Name}={CsvDialectParameter.Excel}"));

    public string JsonLinesUrl => Url($"{ExportsEndpoints.ExportsPath}/{ExportsEndpoints.FileName(Table, ExportFormat.JsonLines)}", Query);

    public string IatiUrl => Url($"{ExportsEndpoints.ExportsPath}/iati-activities.xml", Query);

    /// <summary>The projects a search finds, as /api/v1/projects reads its parameters.</summary>
    public static DownloadOffer Projects(ProjectFilter filter, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(DownloadKind.Projects, QueryString(
            ("q", filter.Query), ("country", filter.Country), ("region", filter.Region), ("department", filter.Department),
            ("authority", Text(filter.Authority)), ("theme", filter.Theme),
            ("status", filter.Status is { } s ? EnumCode<ProjectStatus>.ToCode(s) : null),
            ("yearFrom", Text(filter.YearFrom)), ("yearTo", Text(filter.YearTo))), count);
    }

    /// <summary>The partnerships a filter finds, as /api/v1/partnerships reads its parameters.</summary>
    public static DownloadOffer Partnerships(PartnershipFilter filter, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(DownloadKind.Partnerships, QueryString(
            ("q", filter.Query), ("country", filter.Country), ("region", filter.Region), ("department", filter.Department),
            ("authority", Text(filter.Authority)), ("theme", filter.Theme),
            ("status", filter.Status is { } s ? EnumCode<PartnershipStatus>.ToCode(s) : null),
            ("signedFrom", Text(filter.SignedFrom)), ("signedTo", Text(filter.SignedTo))), count);
    }

    /// <summary>The authorities a filter finds, as /api/v1/authorities reads its parameters.</summary>
    public static DownloadOffer Authorities(AuthorityFilter filter, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(DownloadKind.Authorities, QueryString(
            ("q", filter.Query), ("country", filter.Country), ("kind", filter.Kind is { } k ? EnumCode<AuthorityKind>.ToCode(k) : null),
            ("region", filter.Region), ("department", filter.Department)), count);
    }

    /// <summary>The countries a filter finds, as /api/v1/countries reads its parameters (by default those with a partnership).</summary>
    public static DownloadOffer Countries(CountryFilter filter, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(DownloadKind.Countries, QueryString(
            ("q", filter.Query),
            ("hasPartnerships", filter.HasPartnerships switch { true => null, false => "false", null => null }),
            ("all", filter.HasPartnerships is null ? "true" : null)), count);
    }

    /// <summary>The whole theme tree with its counts (the themes export takes no filter).</summary>
    public static DownloadOffer Themes() => new(DownloadKind.Themes, "");

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string QueryString(params (string Name, string? Value)[] parameters) => string.Join("&", parameters
        .Where(p => !string.IsNullOrEmpty(p.Value))
        .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    private static string Join(string a, string b) => a.Length == 0 ? b : $"{a}&{b}";

    private static string Url(string path, string query) => query.Length == 0 ? path : $"{path}?{query}";
}
