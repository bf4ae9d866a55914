using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Web.Tests.Docs;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

/// <summary>
/// A project's API record is written by PostgreSQL (Core's ProjectDocumentQuery), not serialised from ProjectDto: the
/// OpenAPI schema that ProjectDto gives must describe every document the statement builds, key for key, and the
/// document's lines must be those of the base tables.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class ProjectDocumentTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_demo_project_s_record_matches_the_openapi_schema_of_ProjectDto_exactly()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Documents.Root, "docs", "openapi.json"), Ct))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var ids = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(Ct);
        Assert.NotEmpty(ids);

        using var client = fixture.App.CreateApiClient();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            using var response = await client.GetAsync($"/api/v1/projects/{id}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var record = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));
            Check(record, schemas["ProjectDto"]!, schemas, $"project {id}", errors, seen);
        }
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        // The demo data reaches every part of the schema with a value, not only with nulls or empty lists (it has no volunteers).
        string[] parts = ["totalCost.amount", "partnership.signedYear", "countries[].name", "mainTheme.path[]", "otherThemes[].theme.key",
            "participants[].url", "fundings[].funder.id", "fundings[].waterLawAmount", "contacts[].organisation",
            "diplomaticPosts[].contacts[].name", "diplomaticPosts[].countries[]", "startDate", "updatedAt", "version"];
        Assert.All(parts, part => Assert.Contains(part, seen));
    }

    [Fact]
    public async Task A_record_s_lines_are_those_of_the_base_tables()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // Participants and funding lines not deleted whose authority or organisation is not deleted either, in their order.
        var participants = await db.Database.SqlQuery<string>($"""
            SELECT pp.project_id || ':' || pp.role || ':' || coalesce(a.id, o.id) AS "Value"
            FROM project_participants pp
            LEFT JOIN local_authorities a ON a.id = pp.local_authority_id AND a.deleted_at IS NULL
            LEFT JOIN organisations o ON o.id = pp.organisation_id AND o.deleted_at IS NULL
            JOIN projects p ON p.id = pp.project_id AND p.deleted_at IS NULL
            WHERE pp.deleted_at IS NULL AND coalesce(a.id, o.id) IS NOT NULL
            ORDER BY pp.project_id, pp.sort_order, pp.id
            """).ToListAsync(Ct);
        var fundings = await db.Database.SqlQuery<string>($"""
            SELECT f.project_id || ':' || f.amount || ':' || f.currency_code AS "Value"
            FROM fundings f
            LEFT JOIN local_authorities a ON a.id = f.funder_authority_id AND a.deleted_at IS NULL
            LEFT JOIN organisations o ON o.id = f.funder_organisation_id AND o.deleted_at IS NULL
            JOIN projects p ON p.id = f.project_id AND p.deleted_at IS NULL
            WHERE f.deleted_at IS NULL AND coalesce(a.id, o.id) IS NOT NULL
            ORDER BY f.project_id, f.sort_order, f.id
            """).ToListAsync(Ct);
        Assert.NotEmpty(participants);
        Assert.NotEmpty(fundings);

        var ids = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(Ct);
        using var client = fixture.App.CreateApiClient();
        var foundParticipants = new List<string>();
        var foundFundings = new List<string>();
        foreach (var id in ids)
        {
            var record = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}", Ct))!;
            foundParticipants.AddRange(record["participants"]!.AsArray().Select(p => $"{id}:{p!["role"]}:{p["id"]}"));
            foundFundings.AddRange(record["fundings"]!.AsArray().Select(f =>
                $"{id}:{f!["amount"]!.GetValue<decimal>().ToString(CultureInfo.InvariantCulture)}:{f["currency"]}"));
        }
        Assert.Equal(participants, foundParticipants);
        Assert.Equal(fundings, foundFundings);
    }

    /// <summary>
    /// <paramref name="node"/> against an OpenAPI 3.0 schema as the app writes them: $ref, allOf, nullable, objects with
    /// every property written (System.Text.Json writes nulls) and no other, arrays, and the scalar types and formats.
    /// </summary>
    private static void Check(JsonNode? node, JsonNode schema, JsonObject schemas, string path, List<string> errors, HashSet<string> seen, string part = "")
    {
        var nullable = schema["nullable"]?.GetValue<bool>() == true;
        if (schema["$ref"] is { } reference) schema = schemas[reference.GetValue<string>().Split('/')[^1]]!;
        if (schema["allOf"] is JsonArray all) schema = all.Single()!["$ref"] is { } inner ? schemas[inner.GetValue<string>().Split('/')[^1]]! : all.Single()!;
        nullable |= schema["nullable"]?.GetValue<bool>() == true;
        if (node is null)
        {
            if (!nullable) errors.Add($"{path}: null where the schema allows none");
            return;
        }
        if (part.Length > 0 && node is not JsonArray { Count: 0 }) seen.Add(part);
        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "object" when node is JsonObject obj:
                var properties = schema["properties"]!.AsObject();
                var expected = properties.Select(p => p.Key).ToList();
                var actual = obj.Select(p => p.Key).ToList();
                if (!expected.SequenceEqual(actual)) errors.Add($"{path}: keys [{string.Join(", ", actual)}], schema [{string.Join(", ", expected)}]");
                foreach (var (key, value) in obj)
                    if (properties[key] is { } property)
                        Check(value, property, schemas, $"{path}.{key}", errors, seen, part.Length == 0 ? key : $"{part}.{key}");
                break;
            case "array" when node is JsonArray array:
                foreach (var item in array) Check(item, schema["items"]!, schemas, $"{path}[]", errors, seen, $"{part}[]");
                break;
            case "string" when node.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var text = node.GetValue<string>();
                var format = schema["format"]?.GetValue<string>();
                if (format == "date" && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    errors.Add($"{path}: {text} is not a date");
                if (format == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    errors.Add($"{path}: {text} is not a date-time");
                break;
            case "integer" when node.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                if (!long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) errors.Add($"{path}: {node} is not an integer");
                break;
            case "number" when node.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                break;
            case "boolean" when node.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                break;
            default:
                errors.Add($"{path}: {node.ToJsonString()} is not of type {type}");
                break;
        }
    }
}
