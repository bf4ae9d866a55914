using System.Text.Json;
using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Api;

/// <summary>The OpenAPI document describes everything, and the copy checked in as docs/openapi.json is the running app's.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class OpenApiDocumentTests(DemoAppFixture fixture)
{
    private const string UpdateVariable = "ATLAS_UPDATE_OPENAPI";

    [Fact]
    public async Task Every_operation_parameter_response_and_field_is_described()
    {
        var doc = await DocumentAsync();
        var missing = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                if (string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>())) missing.Add($"{where}: summary");
                if (string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>())) missing.Add($"{where}: description");
                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    if (string.IsNullOrWhiteSpace(parameter!["description"]?.GetValue<string>()))
                        missing.Add($"{where}: parameter {parameter["name"]}");
                }
                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    if (string.IsNullOrWhiteSpace(response!["description"]?.GetValue<string>())) missing.Add($"{where}: response {status}");
                }
            }
        }
        foreach (var (name, schema) in doc["components"]?["schemas"]?.AsObject() ?? [])
        {
            foreach (var (property, definition) in schema!["properties"]?.AsObject() ?? [])
            {
                if (string.IsNullOrWhiteSpace(definition!["description"]?.GetValue<string>())) missing.Add($"schema {name}.{property}");
            }
        }
        Assert.True(missing.Count == 0, "Undescribed in the OpenAPI document:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task The_checked_in_document_is_the_running_apps()
    {
        var running = (await DocumentAsync()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var file = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, running + "\n", TestContext.Current.CancellationToken);
        }
        Assert.True(File.Exists(file), $"{file} is missing: run the tests once with {UpdateVariable}=1 to write it.");
        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))!;
        Assert.True(JsonNode.DeepEquals(checkedIn, JsonNode.Parse(running)),
            $"docs/openapi.json differs from the running app's document: review the API change, then rerun the tests with {UpdateVariable}=1 and commit the file.");
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = fixture.App.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken))!;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Atlas.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Atlas.sln not found above " + AppContext.BaseDirectory);
    }
}
