using System.Text;
using Atlas.Core.Data;
using Atlas.Core.Export;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Tests.Api.LegacyExport;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Api;

/// <summary>
/// Issue 15's whole export: projects.csv is read with Npgsql around EF's SQL of the filter and written cell by cell into
/// the send buffer. The files must not change: each download equals, byte for byte, what the former read and writer make
/// of the same projects (LegacyExport keeps them), on the demo data; ExportsTests compares the writers on awkward text.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class ProjectExportEquivalenceTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> FiltersAndDialects()
    {
        var data = new TheoryData<string, string>();
        foreach (var filter in new[] { "", "country=MA", "q=eau", "theme=developpement-urbain&status=ongoing", "yearFrom=2000&yearTo=2006" })
            foreach (var dialect in new[] { "rfc4180", "excel" })
                data.Add(filter, dialect);
        return data;
    }

    [Theory]
    [MemberData(nameof(FiltersAndDialects))]
    public async Task Projects_csv_is_byte_for_byte_what_the_former_read_and_writer_made(string filter, string dialect)
    {
        var excel = dialect == "excel";
        using var client = fixture.App.CreateApiClient();
        var downloaded = await client.GetByteArrayAsync(new Uri($"/api/v1/exports/projects.csv?{filter}&dialect={dialect}", UriKind.Relative), Ct);

        var (projects, reference) = await MatchingAsync(filter);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = await LegacyCsvWriter.WriteAsync(ProjectExportTables.Projects,
            LegacyProjectRows.ProjectsAsync(ProjectSearch.Filtered(db, projects, reference), reference, Ct), excel, AtlasApp.PublicBaseUrl);

        Assert.True(expected.Length > 1000, $"projects.csv?{filter}: {expected.Length} bytes, the comparison would prove little.");
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(downloaded));
        Assert.Equal(expected, downloaded);
    }

    [Fact]
    public async Task The_demo_projects_give_the_comparison_quoted_cells_and_other_themes()
    {
        using var client = fixture.App.CreateApiClient();
        var csv = await client.GetStringAsync(new Uri("/api/v1/exports/projects.csv", UriKind.Relative), Ct);
        var table = TableSchemaValidator.ParseCsv(csv);

        // A cell quoted for a comma, and a project with other themes, so that both the quoting and the themes' order are compared.
        Assert.Contains(",\"", csv, StringComparison.Ordinal);
        Assert.Contains(table.Records, r => r["other_theme_keys"] is { } keys && keys.Contains(ExportColumn.Joiner, StringComparison.Ordinal));
    }

    /// <summary>The filter of the query string, for the former read (the download reads it with the API's list's code).</summary>
    private async Task<(ProjectFilter Filter, ReferenceCatalog.Snapshot Reference)> MatchingAsync(string filter)
    {
        var reference = await fixture.App.Services.GetRequiredService<ReferenceCatalog>().GetAsync(Ct);
        var parts = filter.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var projects = new ProjectFilter
        {
            Country = parts.GetValueOrDefault("country"),
            Query = parts.GetValueOrDefault("q"),
            Theme = parts.GetValueOrDefault("theme"),
            Status = parts.TryGetValue("status", out var status) ? EnumCode<ProjectStatus>.Parse(status) : null,
            YearFrom = parts.TryGetValue("yearFrom", out var from) ? int.Parse(from, System.Globalization.CultureInfo.InvariantCulture) : null,
            YearTo = parts.TryGetValue("yearTo", out var to) ? int.Parse(to, System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return (projects, reference);
    }
}
