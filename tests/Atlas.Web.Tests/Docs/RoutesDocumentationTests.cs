using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Docs;

/// <summary>The routes written in README.md and docs/ against the app's endpoint table, both ways.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class RoutesDocumentationTests(DemoAppFixture fixture)
{
    private const string ApiDocument = "docs/api.md";

    /// <summary>Routes the documents name that are not the app's, each with whose they are.</summary>
    private static readonly Dictionary<string, string> NotTheApps = new(StringComparer.Ordinal)
    {
        ["/bench/"] = "the benchmark's raw yardstick, served by Atlas.Tools bench-raw; the app maps no benchmark endpoint",
        ["/v1/"] = "an OpenTelemetry collector's OTLP/HTTP paths (/v1/traces, /v1/metrics), which the app posts to; it serves none",
    };

    /// <summary>Endpoints no visitor or program is sent to, each with why no document names it.</summary>
    private static readonly Dictionary<string, string> Undocumented = new(StringComparer.Ordinal)
    {
        ["/Index"] = "ASP.NET Core's second route to the home page, besides /",
        ["/erreur/{}"] = "the error page, shown in place of the page that failed (status code pages re-execute it)",
    };

    private IReadOnlyList<RouteEndpoint> Endpoints =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public async Task Every_route_written_in_the_documents_is_served_by_the_app()
    {
        var endpoints = Endpoints;
        var routes = Documents.All.SelectMany(DocumentedRoute.In).Distinct().ToList();
        Assert.Contains(routes, r => r.Path == "/projets/{}"); // the documents were read
        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var unserved = new List<string>();
        foreach (var route in routes)
        {
            var others = NotTheApps.Keys.FirstOrDefault(prefix => route.Path.StartsWith(prefix, StringComparison.Ordinal));
            var served = endpoints.Where(e => route.Matches(e.RoutePattern)).ToList();
            if (others is not null)
            {
                if (served.Count > 0) unserved.Add($"{route}: said to be served by {NotTheApps[others]}, yet the app serves it");
            }
            else if (route.IsPrefix)
            {
                if (!endpoints.Any(e => DocumentedRoute.Shape(e.RoutePattern).StartsWith(route.Path, StringComparison.OrdinalIgnoreCase)))
                    unserved.Add($"{route}: no route starts so");
            }
            else if (served.Count == 0)
            {
                // Not an endpoint: a middleware's (Swagger UI, static files), which a GET must then reach.
                if (route.HasParameters || route.Method is not (null or "GET")) unserved.Add($"{route}: no such endpoint");
                else
                {
                    using var response = await client.GetAsync(route.Path, TestContext.Current.CancellationToken);
                    if ((int)response.StatusCode >= 400) unserved.Add($"{route}: no such endpoint, and GET answers {(int)response.StatusCode}");
                }
            }
            else if (route.Method is { } method && !served.Any(e => Methods(e).Contains(method)))
            {
                unserved.Add($"{route}: served, but not for {method} ({string.Join(", ", served.SelectMany(Methods).Distinct())})");
            }
        }
        Assert.True(unserved.Count == 0, "Routes written in the documents that the app does not serve:\n" + string.Join('\n', unserved));
    }

    [Fact]
    public void Every_route_of_the_app_is_written_in_the_documents_and_every_API_route_in_docs_api_md()
    {
        var everywhere = Documents.All.SelectMany(DocumentedRoute.In).ToList();
        var api = everywhere.Where(r => r.Document == ApiDocument).ToList();
        var missing = new List<string>();
        foreach (var endpoint in Endpoints)
        {
            var shape = DocumentedRoute.Shape(endpoint.RoutePattern);
            if (Undocumented.ContainsKey(shape)) continue;
            if (shape.StartsWith("/api/", StringComparison.Ordinal))
            {
                // A route written without a method stands for reading it; a write is written with its method.
                foreach (var method in Methods(endpoint))
                {
                    if (!api.Any(r => r.Matches(endpoint.RoutePattern) && (r.Method == method || (r.Method is null && method == "GET"))))
                        missing.Add($"{method} {shape} (in {ApiDocument})");
                }
            }
            else if (!everywhere.Any(r => r.Method is null or "GET" && r.Matches(endpoint.RoutePattern)))
            {
                missing.Add($"{shape} ({endpoint.DisplayName})");
            }
        }
        Assert.True(missing.Count == 0, "Routes of the app that no document names:\n" + string.Join('\n', missing.Distinct()));
    }

    [Fact]
    public async Task Every_paged_list_of_the_API_is_in_the_resource_table_of_docs_api_md_with_exactly_its_filters()
    {
        using var client = fixture.App.CreateClient();
        var openApi = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken))!;
        var rows = Documents.FirstTable(Documents.Section(Documents.Read(ApiDocument), "Resources"));
        var problems = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var filters = Documents.Spans(row[2]).ToHashSet(StringComparer.Ordinal);
            foreach (var path in Documents.Spans(row[0]).Where(p => !p.EndsWith('}')))
            {
                listed.Add(path);
                if (openApi["paths"]?[path]?["get"] is not { } get)
                {
                    problems.Add($"{path}: no such GET operation in the OpenAPI document");
                    continue;
                }
                var parameters = QueryParameters(get).Except(Paging).ToHashSet(StringComparer.Ordinal);
                if (!parameters.SetEquals(filters))
                    problems.Add($"{path}: the table says {Join(filters)}, the API takes {Join(parameters)}");
            }
        }
        foreach (var (path, item) in openApi["paths"]!.AsObject())
        {
            if (item!["get"] is { } get && QueryParameters(get).Contains("limit") && !listed.Contains(path))
                problems.Add($"{path}: a paged list missing from the table");
        }
        Assert.True(problems.Count == 0, $"The resource table of {ApiDocument} and the API differ:\n" + string.Join('\n', problems));
    }

    private static readonly string[] Paging = ["sort", "limit", "cursor"];

    private static IEnumerable<string> QueryParameters(JsonNode operation) =>
        (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]?.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>());

    private static string Join(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Order(StringComparer.Ordinal)) : "none";

    /// <summary>An endpoint's methods; one without any (such as /health) answers GET.</summary>
    private static IReadOnlyList<string> Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD").ToList() is { Count: > 0 } methods ? methods : ["GET"];
}
