using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Atlas.Core.Export.Iati;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class IatiExportTests(DemoAppFixture fixture)
{
    private const string TyrProject = "provence-alpes-cote-d-azur--tyr--digitalcoop";
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("country=MA")]
    [InlineData("theme=developpement-urbain&status=ongoing")]
    [InlineData("q=eau&yearFrom=2000")]
    [InlineData("theme=culture-patrimoine&region=93")]
    public async Task The_export_is_valid_IATI_with_one_activity_per_matching_project(string filter)
    {
        var expected = await ExpectedIdentifiersAsync(filter);
        var document = await ExportAsync($"/api/v1/exports/iati-activities.xml?{filter}");

        var root = document.Root!;
        Assert.Equal("2.03", (string?)root.Attribute("version"));
        Assert.NotNull((string?)root.Attribute("generated-datetime"));
        var identifiers = Activities(document).Select(a => (string)a.Element("iati-identifier")!).ToList();
        Assert.Equal(expected, identifiers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_authority_route_exports_the_authority_s_projects()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var id = await db.LocalAuthorities.Where(a => a.Key == "fr-region-provence-alpes-cote-d-azur").Select(a => a.Id).SingleAsync(Ct);

        var document = await ExportAsync($"/api/v1/authorities/{id}/iati-activities.xml");

        Assert.Equal(await ExpectedIdentifiersAsync($"authority={id}"), Identifiers(document));
    }

    [Theory]
    [InlineData("MA")]
    [InlineData("lb")]
    public async Task A_country_route_exports_the_projects_with_a_partner_there(string code)
    {
        var document = await ExportAsync($"/api/v1/countries/{code}/iati-activities.xml");

        var activities = Activities(document);
        Assert.Equal(await ExpectedIdentifiersAsync($"country={code}"), Identifiers(document));
        Assert.All(activities, a => Assert.Contains(code.ToUpperInvariant(), a.Elements("recipient-country").Select(c => (string?)c.Attribute("code"))));
    }

    [Fact]
    public async Task The_i_jumelage_action_without_a_partnership_is_a_valid_activity_of_its_countries()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var id = await db.Projects.Where(p => p.Key == "action--i-jumelage" && p.PartnershipId == null).Select(p => p.Id).SingleAsync(Ct);
        var document = await ExportAsync("/api/v1/exports/iati-activities.xml?q=jumelage");
        var activity = Assert.Single(Activities(document), a => (string)a.Element("iati-identifier")! == $"XM-ATLAS-{id}");
        Assert.Equal("4", (string?)activity.Element("activity-status")!.Attribute("code"));
        Assert.Equal(["AR", "DO", "GB"], activity.Elements("recipient-country").Select(c => (string)c.Attribute("code")!).Order().ToArray());
        Assert.Contains(activity.Elements("participating-org"), o => o.Element("narrative")?.Value == "VECAM");
    }

    [Fact]
    public async Task The_Tyr_project_says_who_where_what_when_and_how_much()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var id = await db.Projects.Where(p => p.Key == TyrProject).Select(p => p.Id).SingleAsync(Ct);
        var document = await ExportAsync("/api/v1/exports/iati-activities.xml?country=LB");
        var activity = Assert.Single(Activities(document), a => (string)a.Element("iati-identifier")! == $"XM-ATLAS-{id}");

        var title = activity.Element("title")!.Element("narrative")!;
        Assert.Equal("DIGITALCOOP Culture en Méditerranée", title.Value);
        Assert.Equal("fr", (string?)title.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("10", (string?)activity.Element("reporting-org")!.Attribute("type"));

        Assert.Equal("4", (string?)activity.Element("activity-status")!.Attribute("code"));
        Assert.Equal(
            [("2", "2012-01-01"), ("4", "2015-12-31")],
            activity.Elements("activity-date").Select(d => ((string)d.Attribute("type")!, (string)d.Attribute("iso-date")!)).Order().ToArray());

        var countries = activity.Elements("recipient-country").ToList();
        Assert.Equal(["EG", "LB", "TN"], countries.Select(c => (string)c.Attribute("code")!).Order().ToArray());
        Assert.Equal(100m, countries.Sum(c => Decimal(c.Attribute("percentage"))));

        var sector = Assert.Single(activity.Elements("sector"));
        Assert.Equal("1", (string?)sector.Attribute("vocabulary"));
        Assert.Equal("16066", (string?)sector.Attribute("code"));
        Assert.Equal(ThemeCrsMapping.Codes["culture-patrimoine/lieux-evenements"], (string?)sector.Attribute("code"));
        Assert.Equal(100m, Decimal(sector.Attribute("percentage")));

        var organisations = activity.Elements("participating-org")
            .Select(o => ((string)o.Attribute("role")!, o.Element("narrative")!.Value)).ToList();
        Assert.Contains(("1", "Ministère de l'Europe et des Affaires étrangères"), organisations);
        Assert.Equal(2, organisations.Count(o => o.Item1 == "2"));
        Assert.Equal(3, organisations.Count(o => o.Item1 == "4"));

        var transactions = activity.Elements("transaction").ToList();
        Assert.Equal(2, transactions.Count);
        Assert.All(transactions, t =>
        {
            Assert.Equal("11", (string?)t.Element("transaction-type")!.Attribute("code"));
            Assert.Equal("2012-01-01", (string?)t.Element("transaction-date")!.Attribute("iso-date"));
            Assert.Equal("EUR", (string?)t.Element("value")!.Attribute("currency"));
            Assert.Equal("2012-01-01", (string?)t.Element("value")!.Attribute("value-date"));
            Assert.NotEmpty(t.Element("provider-org")!.Element("narrative")!.Value);
        });
        Assert.Equal([0m, 123500m], transactions.Select(t => decimal.Parse(t.Element("value")!.Value, CultureInfo.InvariantCulture)).Order().ToArray());
        var ministry = Assert.Single(transactions, t => decimal.Parse(t.Element("value")!.Value, CultureInfo.InvariantCulture) == 123500m);
        Assert.Equal("Ministère de l'Europe et des Affaires étrangères", ministry.Element("provider-org")!.Element("narrative")!.Value);
        Assert.Empty(activity.Elements("budget"));
    }

    [Fact]
    public async Task Every_theme_in_the_database_has_a_CRS_code()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var keys = await db.Themes.Select(t => t.Key).ToListAsync(Ct);
        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, k => !ThemeCrsMapping.Codes.ContainsKey(k));
    }

    [Theory]
    [InlineData("/api/v1/exports/iati-activities.xml?contry=MA", "contry")]
    [InlineData("/api/v1/exports/iati-activities.xml?limit=5", "limit")]
    [InlineData("/api/v1/exports/iati-activities.xml?country=ZZ", "country")]
    [InlineData("/api/v1/exports/iati-activities.xml?status=finished", "status")]
    [InlineData("/api/v1/countries/MA/iati-activities.xml?status=ongoing", "status")]
    [InlineData("/api/v1/authorities/1/iati-activities.xml?country=MA", "country")]
    public async Task Bad_or_unknown_parameters_get_a_problem_naming_them(string url, string parameter)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Theory]
    [InlineData("/api/v1/authorities/999999/iati-activities.xml")]
    [InlineData("/api/v1/countries/ZZ/iati-activities.xml")]
    [InlineData("/api/v1/exports/iati-activities.xml?q=xqzwvk")]
    public async Task Unknown_or_empty_ones_get_a_404_problem(string url)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    private async Task<XDocument> ExportAsync(string url)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);

        var errors = SchemaErrors(body);
        Assert.True(errors.Count == 0, $"{url} is not valid against the IATI 2.03 activity schema:\n{string.Join("\n", errors)}");
        return XDocument.Parse(body);
    }

    /// <summary>The activity identifiers of the projects the base tables match (ProjectFacts), never empty, in ordinal order.</summary>
    private async Task<List<string>> ExpectedIdentifiersAsync(string filter)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var ids = await (await ProjectFacts.LoadAsync(db)).ExpectedIdsAsync(db, filter);
        return ids.Select(id => $"XM-ATLAS-{id}").Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Identifiers(XDocument document) =>
        Activities(document).Select(a => (string)a.Element("iati-identifier")!).Order(StringComparer.Ordinal).ToList();

    private static List<XElement> Activities(XDocument document) => document.Root!.Elements("iati-activity").ToList();

    private static decimal Decimal(XAttribute? attribute) => decimal.Parse((string)attribute!, CultureInfo.InvariantCulture);

    /// <summary>Every error and warning of the file against the schema, with its line and position.</summary>
    private static List<string> SchemaErrors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var errors = new List<string>();
        // The resolver reads the schema's include (iati-common.xsd) and import (xml.xsd) from the same local folder.
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        set.Add(null, Path.Combine(StandardsDirectory(), "iati-2.03", "iati-activities-schema.xsd"));
        set.Compile();
        Assert.True(errors.Count == 0, "The IATI schema did not compile: " + string.Join("\n", errors));
        return set;
    }

    /// <summary>The published standards beside the checkout (../shared/standards from the repository root); never copied into it.</summary>
    private static string StandardsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "standards"), Path.Combine(dir.FullName, "..", "shared", "standards") })
            {
                if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            }
        }
        Assert.Fail($"The IATI standards were not found: expected shared/standards beside the checkout (../shared/standards from the repository root), " +
            $"looking up from {AppContext.BaseDirectory}.");
        return "";
    }
}
