using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Atlas.Web.Tests.Identity;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Api;

/// <summary>
/// The data licence (Licence Ouverte 2.0, etalab-2.0) is stated wherever the data are described: the data package, the OpenAPI
/// document, /donnees and docs/api.md; and the API's English texts read well and lead back to the portal.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed partial class DataLicenceAndApiTextsTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_data_package_names_the_licence_as_frictionless_says()
    {
        using var client = fixture.App.CreateClient();
        var package = JsonNode.Parse(await client.GetStringAsync("/api/v1/datapackage.json", Ct))!;
        var licence = Assert.Single(package["licenses"]!.AsArray())!;
        Assert.Equal("etalab-2.0", (string?)licence["name"]);
        Assert.Equal(PublicPages.LicenceUrl, (string?)licence["path"]);
        Assert.Contains("Licence Ouverte", (string?)licence["title"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_are_declared_as_uris_in_the_data_package()
    {
        using var client = fixture.App.CreateClient();
        var package = JsonNode.Parse(await client.GetStringAsync("/api/v1/datapackage.json", Ct))!;
        var links = package["resources"]!.AsArray()
            .SelectMany(r => r!["schema"]!["fields"]!.AsArray())
            .Where(f => (string?)f!["name"] is "url" or "api_url")
            .ToList();
        Assert.NotEmpty(links);
        Assert.All(links, f => Assert.Equal("uri", (string?)f!["format"]));
        Assert.All(links, f => Assert.StartsWith("https://", (string?)f!["example"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_openapi_document_names_the_licence_and_links_back_to_the_portal()
    {
        var info = (await DocumentAsync())["info"]!;
        Assert.Equal(PublicPages.LicenceUrl, (string?)info["license"]!["url"]);
        Assert.Contains("etalab-2.0", (string?)info["license"]!["name"], StringComparison.Ordinal);
        var description = (string)info["description"]!;
        Assert.Contains("](/)", description, StringComparison.Ordinal);
        Assert.Contains("](/api)", description, StringComparison.Ordinal);
        Assert.Contains("](/donnees)", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_page_and_the_api_documentation_state_the_licence()
    {
        var page = await fixture.App.GetDocumentAsync("/donnees");
        var stated = page.QuerySelector("[data-testid='data-licence']");
        Assert.NotNull(stated);
        Assert.Contains("Licence Ouverte", stated.TextContent, StringComparison.Ordinal);
        Assert.NotNull(stated.QuerySelector($"a[rel='license'][href='{PublicPages.LicenceUrl}']"));

        var apiDoc = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "api.md"), Ct);
        Assert.Contains("Licence Ouverte", apiDoc, StringComparison.Ordinal);
        Assert.Contains("etalab-2.0", apiDoc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_summary_or_description_puts_a_before_a_vowel()
    {
        var doc = await DocumentAsync();
        var texts = new List<string>();
        foreach (var (_, item) in doc["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                texts.Add((string?)operation!["summary"] ?? "");
                texts.Add((string?)operation["description"] ?? "");
                texts.AddRange((operation["parameters"]?.AsArray() ?? []).Select(p => (string?)p!["description"] ?? ""));
            }
        }
        Assert.Contains(texts, t => t.StartsWith("Delete an authority", StringComparison.Ordinal));
        // "a unique", "a user" are right: only the vowel sounds that take "an".
        var wrong = texts.Where(t => ArticleBeforeVowel().IsMatch(t)).ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = fixture.App.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Ct))!;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Atlas.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Atlas.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\b[Aa] (a|e|i|o|u(?!s|n[ia]|ni|t))[a-z]")]
    private static partial Regex ArticleBeforeVowel();
}
