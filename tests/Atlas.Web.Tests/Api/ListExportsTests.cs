using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Atlas.Core.Export;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

/// <summary>
/// The downloads of every list other than projects: valid against their Table Schema, holding exactly what their list holds. Each
/// list's filters used here are compared with the base tables by that list's own tests (PartnershipsApiTests, FundingsApiTests…).
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed partial class ListExportsTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A table with one row per item of a list: the list, the column and the item field that name an item, and the fields they share.</summary>
    private sealed record ListTable(string Name, string List, string Key, string ItemKey, string[] Filters, (string Column, string Field)[] Shared);

    private static readonly ListTable[] ListTables =
    [
        new("partnerships", "/api/v1/partnerships", "id", "id",
            ["", "country=MA", "q=fes", "region=93", "department=13", "theme=developpement-urbain", "status=active", "signedFrom=1990&signedTo=2000"],
            [("title", "title"), ("status", "status"), ("signed_year", "signedYear"), ("signed_on", "signedOn"), ("project_count", "projectCount"),
             ("api_url", "apiUrl")]),
        new("authorities", "/api/v1/authorities", "id", "id",
            ["", "country=MA", "q=fes", "kind=commune-urbaine", "region=93", "department=13"],
            [("name", "name"), ("kind", "kind"), ("country_code", "country.code"), ("region_code", "region.code"), ("department_code", "department.code"),
             ("population", "population"), ("partnership_count", "partnershipCount"), ("url", "url"), ("api_url", "apiUrl")]),
        new("organisations", "/api/v1/organisations", "id", "id",
            ["", "kind=association", "country=MA", "q=universite"],
            [("name", "name"), ("kind", "kind"), ("country_code", "country.code"), ("city", "city"), ("project_count", "projectCount"), ("api_url", "apiUrl")]),
        new("fundings", "/api/v1/fundings", "funding_id", "id",
            ["", "currency=MAD", "country=MA", "funder=region", "year=2006"],
            [("project_id", "project.id"), ("funder_type", "funder.type"), ("funder_id", "funder.id"), ("funder_name", "funder.name"), ("amount", "amount"),
             ("currency", "currency"), ("water_law_amount", "waterLawAmount"), ("year", "year"), ("note", "note")]),
        new("countries", "/api/v1/countries", "code", "code",
            ["", "all=true", "hasPartnerships=false", "q=ma", "all=true&q=cote"],
            [("name", "name"), ("name_en", "nameEn"), ("partnership_count", "partnershipCount"), ("project_count", "projectCount"), ("url", "url"),
             ("api_url", "apiUrl")]),
        new("diplomatic_posts", "/api/v1/diplomatic-posts", "id", "id",
            ["", "country=MA", "country=LB"],
            [("name", "name"), ("city", "city"), ("api_url", "apiUrl")]),
        new("themes", "/api/v1/themes", "key", "key",
            [""],
            [("name", "name"), ("level", "level"), ("project_count", "projectCount"), ("partnership_count", "partnershipCount"), ("api_url", "apiUrl")]),
    ];

    /// <summary>A child table: the list table its parent column points to, and the column naming the child.</summary>
    private static readonly (string Name, string Parent, string ParentKey, string ChildKey)[] ChildTables =
    [
        ("partnership_authorities", "partnerships", "partnership_id", "authority_id"),
        ("partnership_themes", "partnerships", "partnership_id", "theme_key"),
        ("diplomatic_post_countries", "diplomatic_posts", "diplomatic_post_id", "country_code"),
    ];

    public static TheoryData<string, string, string> TablesFormatsAndFilters()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var table in ListTables)
        {
            var names = new[] { table.Name }.Concat(ChildTables.Where(c => c.Parent == table.Name).Select(c => c.Name));
            foreach (var name in names)
                foreach (var format in ExportFormat.All)
                    foreach (var filter in table.Filters)
                        data.Add(name, format.Extension, filter);
        }
        return data;
    }

    public static TheoryData<string, string> ListTablesAndFilters()
    {
        var data = new TheoryData<string, string>();
        foreach (var table in ListTables)
            foreach (var filter in table.Filters)
                data.Add(table.Name, filter);
        return data;
    }

    public static TheoryData<string, string> ChildTablesAndFilters()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, parent, _, _) in ChildTables)
            foreach (var filter in ListTables.Single(t => t.Name == parent).Filters)
                data.Add(name, filter);
        return data;
    }

    public static TheoryData<string> EveryTable() => [.. ExportCatalog.Tables.Select(t => t.Name)];

    [Fact]
    public void Every_table_of_the_catalog_other_than_the_projects_is_tested_here()
    {
        Assert.Equal(
            ExportCatalog.Tables.Where(t => t.Filters != ProjectExportTables.ProjectFilters).Select(t => t.Name).Order(StringComparer.Ordinal),
            ListTables.Select(t => t.Name).Concat(ChildTables.Select(c => c.Name)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TablesFormatsAndFilters))]
    public async Task Every_download_is_a_utf8_attachment_valid_against_its_table_schema(string table, string format, string filter)
    {
        using var client = fixture.App.CreateClient();
        await ExportDownloads.AssertValidAttachmentAsync(client, table, format, filter);
    }

    [Theory]
    [MemberData(nameof(ListTablesAndFilters))]
    public async Task Exports_hold_exactly_the_items_of_the_api_list_with_the_same_filters(string name, string filter)
    {
        var table = ListTables.Single(t => t.Name == name);
        using var client = fixture.App.CreateApiClient();
        var items = await ItemsAsync(client, table, filter);
        var csv = await ExportDownloads.CsvAsync(client, FileName(name, "csv", filter));
        var jsonl = await ExportDownloads.JsonLinesAsync(client, name, FileName(name, "jsonl", filter));

        var keys = items.Select(i => Text(i[table.ItemKey])).ToList();
        Assert.True(keys.Count > 0, $"{name}?{filter}: the list is empty, the comparison would prove nothing.");
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(keys, csv.Column(table.Key));
        Assert.Equal(csv.Rows, jsonl.Rows);
        foreach (var (item, record) in items.Zip(csv.Records))
        {
            foreach (var (column, field) in table.Shared)
            {
                var value = Field(item, field);
                // The list gives paths; a file gives them absolute, after the portal's public address, to be read away from it.
                if (column is "url" or "api_url" && value is not null) value = JsonValue.Create(AtlasApp.PublicBaseUrl + value.GetValue<string>());
                Assert.True(Same(record[column], value), $"{name} {record[table.Key]}: {column} is '{record[column]}', the list's {field} {value?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task The_unfiltered_exports_hold_rows()
    {
        using var client = fixture.App.CreateApiClient();
        foreach (var table in ListTables.Select(t => t.Name).Concat(ChildTables.Select(c => c.Name)))
            Assert.True((await ExportDownloads.CsvAsync(client, FileName(table, "csv", ""))).Rows.Count > 0, table);
    }

    [Theory]
    [MemberData(nameof(ChildTablesAndFilters))]
    public async Task Child_tables_hold_every_child_of_the_listed_records_and_no_other(string name, string filter)
    {
        var (_, parentName, parentKey, childKey) = ChildTables.Single(c => c.Name == name);
        var parent = ListTables.Single(t => t.Name == parentName);
        using var client = fixture.App.CreateApiClient();
        var items = await ItemsAsync(client, parent, filter);
        var ids = items.Select(i => i["id"]!.GetValue<int>()).ToList();
        Assert.True(ids.Count > 0, $"{parentName}?{filter}: the list is empty, the comparison would prove nothing.");
        var child = await ExportDownloads.CsvAsync(client, FileName(name, "csv", filter));
        Assert.Equal(child.Rows, (await ExportDownloads.JsonLinesAsync(client, name, FileName(name, "jsonl", filter))).Rows);
        Assert.Subset(ids.ToHashSet(), child.Column(parentKey).Select(v => int.Parse(v!, CultureInfo.InvariantCulture)).ToHashSet());

        var exported = child.Records.Select(r => (Parent: int.Parse(r[parentKey]!, CultureInfo.InvariantCulture), Child: r[childKey]!))
            .Order().ToList();
        List<(int Parent, string Child)> expected;
        switch (name)
        {
            case "partnership_authorities":
                expected = items.SelectMany(i => i["authorities"]!.AsArray().Select(a =>
                    (i["id"]!.GetValue<int>(), a!["id"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture)))).Order().ToList();
                Assert.NotEmpty(child.Records);
                Assert.All(child.Records, r => Assert.Equal(r["country_code"] == "FR" ? "french" : "foreign", r["side"]));
                break;
            case "diplomatic_post_countries":
                expected = items.SelectMany(i => i["countries"]!.AsArray().Select(c => (i["id"]!.GetValue<int>(), c!["code"]!.GetValue<string>())))
                    .Order().ToList();
                break;
            default:
                await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
                {
                    expected = (await db.PartnershipThemes.Where(t => ids.Contains(t.PartnershipId))
                            .Select(t => new { t.PartnershipId, t.Theme!.Key }).ToListAsync(Ct))
                        .Select(t => (t.PartnershipId, t.Key)).Order().ToList();
                }
                break;
        }
        Assert.True(expected.Count > 0, $"{name}?{filter}: no line in the demo data, the comparison would prove nothing.");
        Assert.Equal(expected, exported);
    }

    [Theory]
    [InlineData("partnerships.csv", "contry=MA", "contry")]
    [InlineData("partnerships.jsonl", "signedFrom=2010&signedTo=2000", "signedTo")]
    [InlineData("partnership-authorities.jsonl", "status=finished", "status")]
    [InlineData("partnership-themes.csv", "sort=title", "sort")]
    [InlineData("authorities.csv", "kind=planet", "kind")]
    [InlineData("authorities.jsonl", "theme=sport", "theme")]
    [InlineData("organisations.csv", "limit=10", "limit")]
    [InlineData("organisations.jsonl", "country=ZZ", "country")]
    [InlineData("fundings.jsonl", "currency=XYZ", "currency")]
    [InlineData("fundings.csv", "fundr=tours", "fundr")]
    [InlineData("countries.csv", "all=maybe", "all")]
    [InlineData("countries.jsonl", "country=MA", "country")]
    [InlineData("diplomatic-posts.csv", "country=ZZ", "country")]
    [InlineData("diplomatic-post-countries.jsonl", "cursor=abc", "cursor")]
    [InlineData("themes.csv", "depth=1", "depth")]
    [InlineData("themes.jsonl", "theme=sport", "theme")]
    public async Task Unknown_or_invalid_parameters_are_refused_with_a_problem_naming_them(string file, string query, string parameter) =>
        await ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/exports/{file}?{query}", parameter);

    [Theory]
    [MemberData(nameof(EveryTable))]
    public async Task No_export_holds_an_email_address(string table)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var emails = await db.Contacts.Where(c => c.Email != null).Select(c => c.Email!).ToListAsync(Ct);
        Assert.NotEmpty(emails);

        using var client = fixture.App.CreateApiClient();
        foreach (var format in ExportFormat.All)
        {
            var file = FileName(table, format.Extension, table == "countries" ? "all=true" : "");
            var text = await client.GetStringAsync($"/api/v1/exports/{file}", Ct);
            Assert.False(EmailAddress().IsMatch(text), $"{file}: {EmailAddress().Match(text).Value}");
            Assert.DoesNotContain(emails, e => text.Contains(e, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task The_exports_are_documented_with_the_parameters_of_their_list()
    {
        using var client = fixture.App.CreateClient();
        var doc = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Ct))!;
        foreach (var table in ExportCatalog.Tables)
        {
            var list = doc["paths"]![table.Filters]!["get"]!;
            var listParameters = (list["parameters"]?.AsArray() ?? []).Select(p => p!["name"]!.GetValue<string>())
                .Where(p => p is not ("sort" or "limit" or "cursor")).Order(StringComparer.Ordinal).ToList();
            foreach (var format in ExportFormat.All)
            {
                var operation = doc["paths"]![$"/api/v1/exports/{table.FileName}.{format.Extension}"]?["get"];
                Assert.NotNull(operation);
                Assert.NotNull(operation["responses"]!["200"]!["content"]![format.ContentType]);
                Assert.NotNull(operation["responses"]!["400"]);
                var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => p!).ToList();
                // The CSV file also takes its dialect (rfc4180 or excel), documented last.
                var expected = format == ExportFormat.Csv ? [.. listParameters, "dialect"] : listParameters;
                Assert.Equal(expected, parameters.Select(p => p["name"]!.GetValue<string>()).OrderBy(n => n == "dialect").ThenBy(n => n, StringComparer.Ordinal));
                Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p["description"]?.GetValue<string>())));
            }
        }
    }

    /// <summary>The list's items with the filter, in its default order: every page, or the theme tree read depth first.</summary>
    private static async Task<List<JsonNode>> ItemsAsync(HttpClient client, ListTable table, string filter)
    {
        if (table.Name != "themes")
        {
            var (items, total) = await ApiLists.WalkAsync(client, table.List, filter, limit: 100);
            Assert.Equal(total, items.Count);
            return items;
        }
        var tree = (await client.GetFromJsonAsync<JsonObject>(table.List, Ct))!;
        return DepthFirst(tree["items"]!.AsArray()).ToList();

        static IEnumerable<JsonNode> DepthFirst(JsonArray nodes) =>
            nodes.SelectMany(n => DepthFirst(n!["children"]!.AsArray()).Prepend(n));
    }

    /// <summary>A field of an item, dotted for a nested one (country.code).</summary>
    private static JsonNode? Field(JsonNode item, string path) =>
        path.Split('.').Aggregate((JsonNode?)item, (node, name) => node?[name]);

    private static string? Text(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>A CSV value and an API field say the same: numbers compared as numbers, no value as empty.</summary>
    private static bool Same(string? csv, JsonNode? json)
    {
        var text = Text(json);
        if (string.IsNullOrEmpty(text)) return csv is null;
        return json!.GetValueKind() == JsonValueKind.Number
            ? csv is not null && decimal.Parse(csv, CultureInfo.InvariantCulture) == decimal.Parse(text, CultureInfo.InvariantCulture)
            : csv == text;
    }

    private static string FileName(string table, string format, string filter) => $"{table.Replace('_', '-')}.{format}?{filter}";

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+(@|\[at\])[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}

/// <summary>Reading the downloads back: the datapackage's schemas, CSV and JSON Lines parsed, a whole download checked.</summary>
internal static class ExportDownloads
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonNode> DataPackageAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonNode>("/api/v1/datapackage.json", Ct))!;

    public static JsonNode Schema(JsonNode package, string table) =>
        package["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == table)!["schema"]!;

    /// <summary>The table in the format with the filter is a UTF-8 attachment, without byte order mark, valid against its Table Schema.</summary>
    public static async Task AssertValidAttachmentAsync(HttpClient client, string table, string format, string filter)
    {
        var schema = Schema(await DataPackageAsync(client), table);
        var file = $"{table.Replace('_', '-')}.{format}";
        using var response = await client.GetAsync($"/api/v1/exports/{file}?{filter}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format == "csv" ? "text/csv" : "application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        if (format == "csv") Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        // Saved under its French name and the day: atlas-participants-des-projets-2026-12-06.csv (DownloadFileTests checks the day).
        var label = ExportCatalog.Tables.Single(t => t.Name == table).Label;
        Assert.Matches($"^atlas-{ExportTable.Slug(label)}-\\d{{4}}-\\d{{2}}-\\d{{2}}\\.{format}$", response.Content.Headers.ContentDisposition?.FileName);

        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], "No byte order mark.");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var errors = format == "csv"
            ? TableSchemaValidator.ValidateCsv(schema, TableSchemaValidator.ParseCsv(text))
            : TableSchemaValidator.ValidateJsonLines(schema, text);
        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(20)));
    }

    /// <summary>A CSV download (file name and query string), parsed.</summary>
    public static async Task<ExportedTable> CsvAsync(HttpClient client, string file)
    {
        using var response = await client.GetAsync($"/api/v1/exports/{file}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TableSchemaValidator.ParseCsv(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A JSON Lines download of the table (file name and query string), parsed into the shape of its CSV twin.</summary>
    public static async Task<ExportedTable> JsonLinesAsync(HttpClient client, string table, string file)
    {
        var schema = Schema(await DataPackageAsync(client), table);
        using var response = await client.GetAsync($"/api/v1/exports/{file}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = new List<string>();
        var parsed = TableSchemaValidator.ParseJsonLines(schema, await response.Content.ReadAsStringAsync(Ct), errors);
        Assert.Empty(errors);
        return parsed;
    }
}
