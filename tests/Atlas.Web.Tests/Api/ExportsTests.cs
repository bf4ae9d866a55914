using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Core.Export;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Api.LegacyExport;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Atlas.Web.Tests.Api.ExportDownloads;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class ExportsTests(DemoAppFixture fixture)
{
    private static readonly Uri DataPackageUri = new("http://localhost/api/v1/datapackage.json");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The tables filtered like the project list; ListExportsTests covers the others.</summary>
    private static IEnumerable<ExportTable> ProjectTables => ExportCatalog.Tables.Where(t => t.Filters == ProjectExportTables.ProjectFilters);

    public static TheoryData<string, string, string> TablesFormatsAndFilters()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var table in ProjectTables)
            foreach (var format in new[] { "csv", "jsonl" })
                foreach (var filter in new[] { "", "country=MA", "theme=developpement-urbain&status=ongoing" })
                    data.Add(table.Name, format, filter);
        return data;
    }

    [Theory]
    [MemberData(nameof(TablesFormatsAndFilters))]
    public async Task Every_export_is_a_utf8_attachment_valid_against_its_table_schema(string table, string format, string filter)
    {
        using var client = fixture.App.CreateClient();
        await AssertValidAttachmentAsync(client, table, format, filter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("country=MA")]
    [InlineData("q=eau")]
    [InlineData("theme=developpement-urbain&status=ongoing")]
    [InlineData("theme=culture-patrimoine")]
    [InlineData("status=completed")]
    [InlineData("yearFrom=2000&yearTo=2006")]
    [InlineData("region=93")]
    [InlineData("department=13")]
    [InlineData("authority={ma-commune-oujda}")]
    public async Task Exports_hold_exactly_the_projects_the_base_tables_match_in_id_order(string filter)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        filter = await ApiLists.WithAuthorityIdsAsync(db, filter);
        var ids = await (await ProjectFacts.LoadAsync(db)).ExpectedIdsAsync(db, filter);
        using var client = fixture.App.CreateApiClient();

        var csv = await CsvAsync(client, $"projects.csv?{filter}");
        var jsonl = await JsonLinesAsync(client, "projects", $"projects.jsonl?{filter}");
        Assert.Equal(ids, csv.Column("id").Select(v => Int(v)!.Value));
        Assert.Equal(ids, jsonl.Column("id").Select(v => Int(v)!.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("country=MA")]
    [InlineData("q=eau")]
    public async Task Child_tables_hold_every_child_of_the_matching_projects_and_no_other(string filter)
    {
        using var client = fixture.App.CreateApiClient();
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var ids = await (await ProjectFacts.LoadAsync(db)).ExpectedIdsAsync(db, filter);

        var expected = new Dictionary<string, int>
        {
            ["project-participants"] = await db.ProjectParticipants.CountAsync(p => ids.Contains(p.ProjectId), Ct),
            ["project-fundings"] = await db.Fundings.CountAsync(f => ids.Contains(f.ProjectId), Ct),
            ["project-themes"] = await db.ProjectThemes.CountAsync(t => ids.Contains(t.ProjectId), Ct),
        };
        foreach (var (file, count) in expected)
        {
            Assert.True(count > 0, $"{file}?{filter}: no line in the demo data, the comparison would prove nothing.");
            var table = await CsvAsync(client, $"{file}.csv?{filter}");
            Assert.Equal(count, table.Rows.Count);
            Assert.Subset(ids.ToHashSet(), table.Column("project_id").Select(v => Int(v)!.Value).ToHashSet());
        }
    }

    [Fact]
    public async Task Csv_and_json_lines_round_trip_to_the_database_values()
    {
        using var client = fixture.App.CreateApiClient();
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);

        var csv = await CsvAsync(client, "projects.csv");
        var jsonl = await JsonLinesAsync(client, "projects", "projects.jsonl");
        Assert.Equal(csv.Header, jsonl.Header);
        Assert.Equal(csv.Rows.Count, jsonl.Rows.Count);
        for (var i = 0; i < csv.Rows.Count; i++) Assert.Equal(csv.Rows[i], jsonl.Rows[i]);

        var projects = await db.Projects.AsNoTracking().Include(p => p.Partnership).OrderBy(p => p.Id).ToListAsync(Ct);
        var countries = (await ProjectFacts.LoadAsync(db)).Projects.ToDictionary(p => p.Id, p => p.Countries);
        var records = csv.Records.ToList();
        Assert.NotEmpty(records);
        Assert.Equal(projects.Count, records.Count);
        foreach (var (project, record) in projects.Zip(records))
        {
            Assert.Equal(project.Id.ToString(CultureInfo.InvariantCulture), record["id"]);
            Assert.Equal(project.Title, record["title"]);
            Assert.Equal(EnumCode<ProjectStatus>.ToCode(project.Status), record["status"]);
            Assert.Equal(project.StartYear, Int(record["start_year"]));
            Assert.Equal(project.EndDate, record["end_date"] is { } end ? DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
            Assert.Equal(project.Partnership?.Title, record["partnership_title"]);
            // The partner countries the base tables give it, in code order.
            Assert.Equal(countries[project.Id].Order(StringComparer.Ordinal), Items(record["country_codes"]));
            Assert.Equal(project.TotalCostAmount, record["total_cost_amount"] is { } cost ? decimal.Parse(cost, CultureInfo.InvariantCulture) : null);
            Assert.Equal(project.TotalCostCurrency, record["total_cost_currency"]);
            Assert.Equal(project.IsTriennial, record["is_triennial"] is { } triennial ? bool.Parse(triennial) : null);
            Assert.Equal(string.IsNullOrEmpty(project.Description) ? null : project.Description, record["description"]);
            Assert.Equal(ToTheSecond(project.UpdatedAt), DateTimeOffset.Parse(record["updated_at"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            Assert.Equal($"{AtlasApp.PublicBaseUrl}/projets/{project.Id}", record["url"]);
            Assert.Equal($"{AtlasApp.PublicBaseUrl}/api/v1/projects/{project.Id}", record["api_url"]);
        }

        var fundings = await db.Fundings.AsNoTracking().Include(f => f.FunderAuthority).Include(f => f.FunderOrganisation).ToDictionaryAsync(f => f.Id, Ct);
        var fundingRecords = (await CsvAsync(client, "project-fundings.csv")).Records.ToList();
        Assert.Equal(fundings.Count, fundingRecords.Count);
        Assert.Contains(fundingRecords, f => f["amount"] == "123500.00" && f["currency"] == "EUR");
        foreach (var record in fundingRecords)
        {
            var funding = fundings[int.Parse(record["funding_id"]!, CultureInfo.InvariantCulture)];
            Assert.Equal(funding.ProjectId, Int(record["project_id"]));
            Assert.Equal(funding.Amount, decimal.Parse(record["amount"]!, CultureInfo.InvariantCulture));
            Assert.Equal(funding.CurrencyCode, record["currency"]);
            Assert.Equal(funding.WaterLawAmount, record["water_law_amount"] is { } water ? decimal.Parse(water, CultureInfo.InvariantCulture) : null);
            Assert.Equal(funding.Year, Int(record["year"]));
            Assert.Equal(funding.FunderAuthorityId ?? funding.FunderOrganisationId, Int(record["funder_id"]));
            Assert.Equal(funding.FunderAuthorityId is null ? "organisation" : "authority", record["funder_type"]);
            Assert.Equal(funding.FunderName, record["funder_name"]);
        }

        var mainThemes = await db.ProjectThemes.Where(t => t.IsMain).Select(t => new { t.ProjectId, t.Theme!.Key })
            .ToDictionaryAsync(t => t.ProjectId, t => t.Key, Ct);
        foreach (var record in records)
            Assert.Equal(mainThemes.GetValueOrDefault(Int(record["id"])!.Value), record["main_theme_key"]);
    }

    [Theory]
    [InlineData("projects.csv", "limit=10", "limit")]
    [InlineData("projects.csv", "cursor=abc", "cursor")]
    [InlineData("project-fundings.jsonl", "contry=MA", "contry")]
    [InlineData("projects.jsonl", "country=ZZ", "country")]
    [InlineData("project-themes.csv", "status=finished", "status")]
    [InlineData("project-participants.csv", "sort=title", "sort")]
    [InlineData("projects.csv", "yearFrom=2010&yearTo=2000", "yearTo")]
    [InlineData("project-participants.jsonl", "theme=nowhere", "theme")]
    public async Task Unknown_or_invalid_parameters_are_refused_with_a_problem_naming_them(string file, string query, string parameter)
    {
        using var client = fixture.App.CreateApiClient();
        using var response = await client.GetAsync($"/api/v1/exports/{file}?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task The_datapackage_describes_every_export_table_from_the_same_declarations()
    {
        var package = await DataPackageAsync();
        Assert.Equal("tabular-data-package", package["profile"]!.GetValue<string>());
        var resources = package["resources"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(ExportCatalog.Tables.Select(t => t.Name), resources.Select(r => r["name"]!.GetValue<string>()));

        using var client = fixture.App.CreateClient();
        foreach (var (resource, table) in resources.Zip(ExportCatalog.Tables))
        {
            Assert.Equal("tabular-data-resource", resource["profile"]!.GetValue<string>());
            Assert.Equal("csv", resource["format"]!.GetValue<string>());
            Assert.Equal("text/csv", resource["mediatype"]!.GetValue<string>());
            Assert.Equal("utf-8", resource["encoding"]!.GetValue<string>());
            Assert.Equal("\r\n", resource["dialect"]!["lineTerminator"]!.GetValue<string>());
            var schema = resource["schema"]!;
            var fields = schema["fields"]!.AsArray().Select(f => f!).ToList();
            Assert.Equal(table.Columns.Select(c => c.Name), fields.Select(f => f["name"]!.GetValue<string>()));
            foreach (var field in fields)
            {
                Assert.Contains(field["type"]!.GetValue<string>(), new[] { "string", "integer", "number", "boolean", "date", "datetime" });
                foreach (var property in new[] { "title", "description", "example" })
                    Assert.False(string.IsNullOrWhiteSpace(field[property]?.GetValue<string>()), $"{table.Name}.{field["name"]}: {property}");
            }

            // Every example is a valid value of its column.
            var examples = new ExportedTable(fields.Select(f => f["name"]!.GetValue<string>()).ToList(), [fields.Select(f => (string?)f["example"]!.GetValue<string>()).ToList()]);
            var errors = TableSchemaValidator.ValidateCsv(schema, examples);
            Assert.True(errors.Count == 0, string.Join('\n', errors));

            foreach (var key in schema["foreignKeys"]?.AsArray().Select(k => k!) ?? [])
            {
                var referenced = resources.Single(r => r["name"]!.GetValue<string>() == key["reference"]!["resource"]!.GetValue<string>());
                var referencedFields = referenced["schema"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
                Assert.All(key["reference"]!["fields"]!.AsArray(), f => Assert.Contains(f!.GetValue<string>(), referencedFields));
                Assert.Equal(key["reference"]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()),
                    referenced["schema"]!["primaryKey"]!.AsArray().Select(f => f!.GetValue<string>()));
            }

            // The paths, relative to the descriptor, are the downloads.
            var paths = new[] { resource["path"]!.GetValue<string>() }
                .Concat(resource["x-alternates"]!.AsArray().Select(a => a!["path"]!.GetValue<string>()));
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(DataPackageUri, path), Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task The_exports_are_documented_in_the_openapi_document()
    {
        using var client = fixture.App.CreateClient();
        var doc = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Ct))!;
        foreach (var table in ProjectTables)
        {
            foreach (var format in ExportFormat.All)
            {
                var operation = doc["paths"]![$"/api/v1/exports/{table.FileName}.{format.Extension}"]?["get"];
                Assert.NotNull(operation);
                Assert.NotNull(operation["responses"]!["200"]!["content"]![format.ContentType]);
                // The CSV file also takes its dialect (rfc4180 or excel).
                string[] filters = ["authority", "country", "department", "q", "region", "status", "theme", "yearFrom", "yearTo"];
                Assert.Equal(
                    format == ExportFormat.Csv ? [.. filters, "dialect"] : filters,
                    operation["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).OrderBy(n => n == "dialect").ThenBy(n => n, StringComparer.Ordinal));
            }
        }
        Assert.NotNull(doc["paths"]!["/api/v1/datapackage.json"]?["get"]);
    }

    [Fact]
    public async Task Awkward_text_survives_both_writers_across_many_sends()
    {
        var table = AwkwardTable;
        var texts = new[] { "plain", "Fès, Salé", "dit \"bonjour\"", "deux\r\nlignes", "une\nligne", " espaces ", "", "é😀ü", "x" };
        var rows = Enumerable.Range(1, 3000).Select(i => new AwkwardRow(
            i, i % 11 == 0 ? null : texts[i % texts.Length] + new string('z', i % 50), i % 7 == 0 ? null : i * 1.25m - 100, i % 3 == 0 ? null : i % 2 == 0,
            i % 5 == 0 ? null : new DateOnly(2000, 1, 1).AddDays(i), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)).AddTicks(i * 12_345_678L),
            Enumerable.Range(0, i % 4).Select(n => $"t{n},{i}").ToList())).ToList();
        var schema = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new
        {
            fields = table.Columns.Select(c => c.IsRepeated
                ? new Dictionary<string, object> { ["name"] = c.Name, ["type"] = "string", ["x-separator"] = ExportColumn.Joiner, ["x-itemType"] = "string" }
                : new Dictionary<string, object> { ["name"] = c.Name, ["type"] = c.Type == ExportType.DateTime ? "datetime" : c.Type.ToString().ToLowerInvariant() }),
            primaryKey = new[] { "id" },
        }))!;

        foreach (var format in ExportFormat.All)
        {
            await using var output = new AsyncOnlyStream();
            await format.WriteAsync(table, rows.ToAsyncEnumerable(), output, AtlasApp.PublicBaseUrl, Ct);
            Assert.True(output.Sends > 3, $"{format.Title}: written in {output.Sends} sends.");
            var text = Encoding.UTF8.GetString(output.ToArray());
            var errors = new List<string>();
            var parsed = format == ExportFormat.Csv ? TableSchemaValidator.ParseCsv(text) : TableSchemaValidator.ParseJsonLines(schema, text, errors);
            errors.AddRange(TableSchemaValidator.ValidateCsv(schema, parsed));
            Assert.True(errors.Count == 0, string.Join('\n', errors.Take(20)));
            Assert.Equal(rows.Count, parsed.Rows.Count);
            foreach (var (row, back) in rows.Zip(parsed.Records))
            {
                Assert.Equal(string.IsNullOrEmpty(row.Text) ? null : row.Text, back["text"]);
                Assert.Equal(row.Amount, back["amount"] is { } a ? decimal.Parse(a, CultureInfo.InvariantCulture) : null);
                Assert.Equal(row.Flag, back["flag"] is { } f ? bool.Parse(f) : null);
                Assert.Equal(row.Day, back["day"] is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
                Assert.Equal(ToTheSecond(row.At), DateTimeOffset.Parse(back["at"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
                Assert.Equal(row.Tags, Items(back["tags"]));
            }
        }
    }

    /// <summary>
    /// Issue 15: the CSV writer encodes each cell straight into the send buffer; the former writer (a line in a StringBuilder,
    /// then encoded: LegacyExport) is the reference, byte for byte, in both dialects: quotes, delimiters, line breaks,
    /// formula starters, numbers, empty and missing values, characters beyond the BMP.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Awkward_text_is_written_as_the_former_writer_wrote_it(bool excel)
    {
        var texts = new[] { "plain", "Fès, Salé", "dit \"bonjour\"", "\"\"", "a;b", "deux\r\nlignes", "une\nligne", "retour\r", " espaces ", "",
            "é😀ü", "=1+1", "-2", "- liste", "@x", "+3", "\ttab", "x" };
        var rows = Enumerable.Range(1, 3000).Select(i => new AwkwardRow(
            i, i % 19 == 0 ? null : texts[i % texts.Length] + new string('z', i % 50) + (i % 3 == 0 ? "\"" : ""),
            i % 7 == 0 ? null : i * 1.25m - 100, i % 3 == 0 ? null : i % 2 == 0,
            i % 5 == 0 ? null : new DateOnly(2000, 1, 1).AddDays(i), new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)).AddTicks(i * 12_345_678L),
            Enumerable.Range(0, i % 4).Select(n => $"t{n},{i}\"").ToList())).ToList();

        var expected = await LegacyCsvWriter.WriteAsync(AwkwardTable, rows.ToAsyncEnumerable(), excel, AtlasApp.PublicBaseUrl);
        await using var output = new AsyncOnlyStream();
        await (excel ? ExportFormat.ExcelCsv : ExportFormat.Csv).WriteAsync(AwkwardTable, rows.ToAsyncEnumerable(), output, AtlasApp.PublicBaseUrl, Ct);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public async Task The_validator_catches_what_a_schema_forbids()
    {
        var schema = Schema(await DataPackageAsync(), "project_themes");
        var valid = "project_id,theme_key,theme_name,theme_level,is_main,priority,source_label\r\n1,culture,Culture,1,true,,\r\n";
        Assert.Empty(TableSchemaValidator.ValidateCsv(schema, TableSchemaValidator.ParseCsv(valid)));

        var broken = "project_id,theme_key,theme_name,theme_level,is_main,priority,source_label\r\n" +
            "x,culture,Culture,1,true,,\r\n" +        // not an integer
            "1,,Culture,1,true,,\r\n" +               // required value missing, in the primary key too
            "2,culture,Culture,1,yes,,\r\n" +         // not a boolean
            "2,culture,Culture,1,false,1.5,\r\n";     // not an integer, and (2, culture) twice
        Assert.Equal(6, TableSchemaValidator.ValidateCsv(schema, TableSchemaValidator.ParseCsv(broken)).Count);
        Assert.NotEmpty(TableSchemaValidator.ValidateCsv(schema, TableSchemaValidator.ParseCsv("theme_key,project_id\r\n")));
        Assert.Throws<FormatException>(() => TableSchemaValidator.ParseCsv("project_id\n1\n"));
        Assert.NotEmpty(TableSchemaValidator.ValidateJsonLines(schema,
            "{\"project_id\":\"1\",\"theme_key\":\"a\",\"theme_name\":\"A\",\"theme_level\":1,\"is_main\":true,\"priority\":null}\n"));
    }

    private static readonly ExportTable<AwkwardRow> AwkwardTable = new(
        new ExportTableInfo("awkward", "Awkward", "Difficile", "Rows of awkward text.", "Des lignes difficiles.", "/nowhere", ["id"], []),
        new ExportColumns<AwkwardRow>()
            .Integer("id", r => r.Id, "Identifiant", "Id.", "1", required: true)
            .String("text", r => r.Text, "Texte", "Text.", "a")
            .Number("amount", r => r.Amount, "Montant", "Amount.", "1.5")
            .Boolean("flag", r => r.Flag, "Drapeau", "Flag.", "true")
            .Date("day", r => r.Day, "Jour", "Day.", "2020-01-01")
            .DateTime("at", r => r.At, "Moment", "At.", "2020-01-01T00:00:00Z")
            .Strings("tags", r => r.Tags, "Étiquettes", "Tags.", "a | b"));

    private sealed record AwkwardRow(int Id, string? Text, decimal? Amount, bool? Flag, DateOnly? Day, DateTimeOffset At, IReadOnlyList<string> Tags);

    /// <summary>Kestrel refuses synchronous writes: this stream too, and it counts the sends.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public int Sends { get; private set; }

        public byte[] ToArray() => _written.ToArray();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Sends++;
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous write.");

        public override void Flush() => throw new InvalidOperationException("Synchronous flush.");

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written.Length;
        public override long Position { get => _written.Length; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _written.Dispose();
            base.Dispose(disposing);
        }
    }

    private static DateTimeOffset ToTheSecond(DateTimeOffset value) => new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static int? Int(string? text) => text is null ? null : int.Parse(text, CultureInfo.InvariantCulture);

    private static string[] Items(string? joined) => joined is null ? [] : joined.Split(ExportColumn.Joiner);

    private async Task<JsonNode> DataPackageAsync()
    {
        using var client = fixture.App.CreateApiClient();
        return await ExportDownloads.DataPackageAsync(client);
    }
}
