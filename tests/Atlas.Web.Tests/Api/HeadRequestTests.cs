using System.Globalization;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Api;

/// <summary>The API answers HEAD wherever it answers GET: for every GET endpoint of its table, the same status and headers, and no body.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class HeadRequestTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Headers that describe the moment or the counter rather than the answer.</summary>
    private static readonly HashSet<string> Moving = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Age", "RateLimit-Remaining", "RateLimit-Reset", "Content-Length",
    };

    [Fact]
    public async Task Every_get_endpoint_of_the_api_answers_head_with_the_same_status_and_headers_and_no_body()
    {
        var urls = await GetUrlsAsync();
        using var client = fixture.App.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var url in urls)
        {
            using var get = await client.GetAsync(url, Ct);
            await get.Content.ReadAsByteArrayAsync(Ct);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);
            var body = await head.Content.ReadAsByteArrayAsync(Ct);

            Assert.True(get.StatusCode == head.StatusCode, $"{url}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            Assert.True(body.Length == 0, $"{url}: HEAD sent {body.Length} bytes of body");
            Assert.Equal(Headers(get), Headers(head));
            statuses.Add(get.StatusCode);
        }
        // Reads, and the editable records that need a token: both kinds were compared.
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
    }

    [Fact]
    public async Task Head_on_a_download_gives_its_file_name_and_type_without_the_file()
    {
        using var client = fixture.App.CreateClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/exports/projects.csv?country=MA&dialect=excel"), Ct);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/csv", head.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("atlas-projets-excel-", head.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Head_on_an_unknown_api_address_is_a_404_as_get_is()
    {
        using var client = fixture.App.CreateClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/nowhere"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    /// <summary>Every GET route under /api/v1 from the app's endpoint table, its parameters filled with records of the demo data.</summary>
    private async Task<List<string>> GetUrlsAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["projects"] = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct),
            ["partnerships"] = await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct),
            ["authorities"] = await db.LocalAuthorities.Where(a => a.Key == "ma-commune-oujda").Select(a => a.Id).SingleAsync(Ct),
            ["organisations"] = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct),
            ["diplomatic-posts"] = await db.DiplomaticPosts.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct),
        };
        var routes = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(routes.Count > 40, $"Only {routes.Count} GET routes under /api/v1.");
        return routes.Select(route =>
        {
            var resource = route.Split('/')[3];
            return route
                .Replace("{id:int}", ids.TryGetValue(resource, out var id) ? id.ToString(CultureInfo.InvariantCulture) : "1", StringComparison.Ordinal)
                .Replace("{code}", "MA", StringComparison.Ordinal)
                .Replace("{**key}", "developpement-urbain", StringComparison.Ordinal);
        }).ToList();
    }

    private static List<string> Headers(HttpResponseMessage response) => response.Headers.Concat(response.Content.Headers)
        .Where(h => !Moving.Contains(h.Key))
        .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
        .Order(StringComparer.Ordinal)
        .ToList();
}
