using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Api;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Hardening;

/// <summary>
/// Thousands of hostile requests, drawn from a seed printed with any failure (replay with ATLAS_FUZZ_SEED=N): hostile values in
/// every query and path parameter of every API operation (read from the OpenAPI document, so a new one is covered the day it
/// is added) and of every public page; hostile JSON bodies, with an administrator's valid token, to every write operation;
/// odd methods on every route. None may answer 5xx; every API error must be problem+json; a refused write must change no row.
/// </summary>
public sealed class FuzzTests(FuzzAppFixture fixture) : IClassFixture<FuzzAppFixture>
{
    private const int ApiReads = 1100;
    private const int PageReads = 500;
    private const int Writes = 500;
    private const int OddMethods = 300;

    /// <summary>The tables of the records and their history: a refused write changes none of them.</summary>
    private static readonly string[] RecordTables =
    [
        "projects", "project_participants", "project_themes", "fundings", "volunteers", "partnerships", "partnership_authorities",
        "partnership_themes", "local_authorities", "organisations", "diplomatic_posts", "diplomatic_post_countries", "contacts",
        "change_records", "pending_changes",
    ];

    /// <summary>The public pages and the query parameters each reads.</summary>
    private static readonly (string Route, string[] Parameters)[] Pages =
    [
        ("/", []),
        ("/projets", ["q", "pays", "region", "departement", "collectivite", "theme", "statut", "de", "a", "tri", "page"]),
        ("/carte", ["pays", "region", "departement", "collectivite", "theme", "statut", "de", "a", "niveau"]),
        ("/projets/{id}", []), ("/collectivites/{id}", []), ("/partenariats/{id}", []), ("/postes/{id}", []),
        ("/collectivites", ["q", "pays", "region", "departement", "type", "tri", "page"]), ("/pays", ["q", "tri", "page"]),
        ("/partenariats", ["q", "pays", "region", "departement", "collectivite", "theme", "statut", "de", "a", "tri", "page"]), ("/thematiques", []),
        ("/pays/{code}", ["page", "statut", "region", "theme", "tri"]), ("/statistiques", []), ("/statistiques/{code}.csv", []), ("/donnees", []),
        ("/compte/connexion", ["retour"]), ("/compte/mot-de-passe-oublie", ["envoye"]), ("/compte/reinitialiser", ["email", "code"]),
        ("/erreur/{id}", []),
    ];

    private static readonly string[] Methods = ["TRACE", "TRACK", "PROPFIND", "OPTIONS", "PUT", "DELETE", "PATCH", "POST", "FOO", "HEAD", "GET"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hostile_requests_never_get_a_server_error_nor_a_bare_api_error_nor_change_data_when_refused()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ATLAS_FUZZ_SEED"), out var given) ? given : Random.Shared.Next();
        var values = new HostileValues(seed);
        var run = new FuzzRun(seed, fixture.Logs);
        var operations = await OperationsAsync();
        var ids = await IdsAsync();
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        using var writer = fixture.App.CreateApiClient();
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ProjectWriteApiTests.CreateTokenAsync(fixture, admin.Id));
        using var reader = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var reads = operations.Where(o => o.Method == "GET").ToList();
        for (var i = 0; i < ApiReads; i++)
        {
            var operation = values.Pick(reads);
            var url = Url(operation.Path, values, ids) + Query(operation.Query, values);
            await run.SendAsync(reader, new HttpRequestMessage(HttpMethod.Get, url));
        }

        for (var i = 0; i < PageReads; i++)
        {
            var (route, parameters) = values.Pick(Pages);
            var url = Url(route, values, ids) + Query(parameters.Concat(values.Chance(0.1) ? [values.Text()] : []).ToList(), values);
            await run.SendAsync(reader, new HttpRequestMessage(HttpMethod.Get, url));
        }

        var writes = operations.Where(o => o.Method != "GET").ToList();
        for (var i = 0; i < Writes; i++)
        {
            var operation = values.Pick(writes);
            var url = Url(operation.Path, values, ids, hostileIds: values.Chance(0.2));
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
            if (operation.Method is "PUT" or "PATCH" or "POST") request.Content = await BodyAsync(writer, operation, url, values);
            if (operation.Method is "PUT" or "PATCH" or "DELETE") await IfMatchAsync(writer, request, url, values);
            var before = await FingerprintAsync();
            var status = await run.SendAsync(writer, request);
            if (status >= 400 && await FingerprintAsync() != before)
                run.Fail($"{operation.Method} {url} was refused ({status}) but changed stored rows; body: {Shorten(await BodyTextAsync(request))}");
        }

        var routes = operations.Select(o => o.Path).Concat(Pages.Select(p => p.Route)).Distinct().ToList();
        for (var i = 0; i < OddMethods; i++)
        {
            var url = Url(values.Pick(routes), values, ids);
            await run.SendAsync(reader, new HttpRequestMessage(new HttpMethod(values.Pick(Methods)), url));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Fuzz seed {seed}: {run.Sent} requests, {string.Join(", ", run.ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}.");
        Assert.True(run.Sent >= 2000, $"Only {run.Sent} requests were sent.");
        Assert.True(run.Failures.Count == 0,
            $"Seed {seed} (replay with ATLAS_FUZZ_SEED={seed}): {run.Failures.Count} failures of {run.Sent} requests, the first ones:\n" +
            string.Join("\n", run.Failures.Take(15)));
    }

    /// <summary>Every API operation, its path template and query parameters, from the app's own OpenAPI document.</summary>
    private async Task<List<(string Method, string Path, List<string> Query, string? BodySchema)>> OperationsAsync()
    {
        using var client = fixture.App.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Ct))!;
        var operations = new List<(string, string, List<string>, string?)>();
        foreach (var (path, methods) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in methods!.AsObject())
            {
                var query = (operation!["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query")
                    .Select(p => p!["name"]!.GetValue<string>()).ToList();
                var schema = operation["requestBody"]?["content"]?.AsObject().Select(c => c.Value!["schema"]?["$ref"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
                operations.Add((method.ToUpperInvariant(), path, query, schema));
            }
        }
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
            _schemas[name] = schema!["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
        Assert.True(operations.Count > 50, $"Only {operations.Count} operations in the OpenAPI document.");
        return operations;
    }

    /// <summary>Real ids of each kind of record, so that many requests reach past "not found".</summary>
    private async Task<Dictionary<string, List<int>>> IdsAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return new Dictionary<string, List<int>>(StringComparer.Ordinal)
        {
            ["projects"] = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).Take(50).ToListAsync(Ct),
            ["partnerships"] = await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id).Take(50).ToListAsync(Ct),
            ["authorities"] = await db.LocalAuthorities.OrderBy(a => a.Id).Select(a => a.Id).Take(50).ToListAsync(Ct),
            ["organisations"] = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).Take(50).ToListAsync(Ct),
            ["diplomatic-posts"] = await db.DiplomaticPosts.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(Ct),
        };
    }

    private static string Url(string template, HostileValues values, Dictionary<string, List<int>> ids, bool hostileIds = false)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var open = segment.IndexOf('{', StringComparison.Ordinal);
            if (open < 0) continue;
            var close = segment.IndexOf('}', StringComparison.Ordinal);
            var name = segment[(open + 1)..close];
            var resource = i > 0 ? segments[i - 1] : "";
            var value = name == "id" && !hostileIds && !values.Chance(0.15)
                ? ids.GetValueOrDefault(resource) is { Count: > 0 } known ? values.Pick(known).ToString(System.Globalization.CultureInfo.InvariantCulture) : "1"
                : name == "code" && values.Chance(0.5) ? values.Pick(["MA", "LB", "SN", "FR", "projets-par-annee"])
                : name == "kind" && values.Chance(0.5) ? values.Pick(["project", "partnership", "authority", "organisation", "diplomatic-post"])
                : PathValue(values);
            segments[i] = segment[..open] + value + segment[(close + 1)..];
        }
        return string.Join('/', segments);
    }

    // Kestrel answers 400 to a NUL in a path before the app sees it (and the test server throws): a path segment is any other value.
    private static string PathValue(HostileValues values)
    {
        while (true)
        {
            var value = values.UrlValue();
            if (!value.Contains("%00", StringComparison.Ordinal)) return value;
        }
    }

    private static string Query(IReadOnlyList<string> parameters, HostileValues values)
    {
        if (parameters.Count == 0 || values.Chance(0.1)) return "";
        var chosen = Enumerable.Range(0, values.Next(3) + 1).Select(_ => values.Pick(parameters)).ToList();
        return "?" + string.Join('&', chosen.Select(p => HostileValues.Escape(p) + "=" + values.UrlValue()));
    }

    /// <summary>The editable record with some fields made hostile (or unknown ones added), a record made of the schema's fields, or no JSON at all.</summary>
    private async Task<HttpContent> BodyAsync(HttpClient client, (string Method, string Path, List<string> Query, string? BodySchema) operation, string url,
        HostileValues values)
    {
        var type = values.Chance(0.9) ? operation.Method == "PATCH" ? "application/merge-patch+json" : "application/json"
            : values.Pick(["text/plain", "application/x-www-form-urlencoded", "application/xml", "application/json; charset=latin1"]);
        string body;
        if (values.Chance(0.15)) body = values.BrokenJson();
        else
        {
            var fields = await EditableFieldsAsync(client, url) ?? SchemaFields(operation.BodySchema);
            var record = new StringBuilder("{");
            foreach (var field in fields.Where(_ => values.Chance(0.6)).Concat(values.Chance(0.2) ? [values.Text()] : []))
            {
                if (record.Length > 1) record.Append(',');
                record.Append(HostileValues.JsonString(field)).Append(':').Append(values.JsonValue());
            }
            body = record.Append('}').ToString();
        }
        return new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", type } } };
    }

    private static async Task<List<string>?> EditableFieldsAsync(HttpClient client, string url)
    {
        if (!url.Contains("/api/v1/", StringComparison.Ordinal) || url.EndsWith("/projects", StringComparison.Ordinal)) return null;
        using var response = await client.GetAsync(url + "/editable", Ct);
        if (!response.IsSuccessStatusCode) return null;
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))?["record"]?.AsObject().Select(f => f.Key).ToList();
    }

    private List<string> SchemaFields(string? reference) => reference is null ? [] : _schemas.GetValueOrDefault(reference.Split('/')[^1]) ?? [];

    /// <summary>The property names of each schema of the OpenAPI document, for the bodies of operations that create a record.</summary>
    private readonly Dictionary<string, List<string>> _schemas = new(StringComparer.Ordinal);

    /// <summary>If-Match: the record's current version most often (so that rules are reached), else a hostile one or none.</summary>
    private static async Task IfMatchAsync(HttpClient client, HttpRequestMessage request, string url, HostileValues values)
    {
        if (values.Chance(0.1)) return;
        if (values.Chance(0.2))
        {
            request.Headers.TryAddWithoutValidation("If-Match", values.Pick(["*", "W/\"1\"", "\"-1\"", "\"abc\"", "\"99999999999\"", "", "\"1\", \"2\""]));
            return;
        }
        using var response = await client.GetAsync(url + "/editable", Ct);
        var version = response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))?["version"]?.ToString() : null;
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version ?? "1"}\"");
    }

    /// <summary>One digest of every record table's rows as PostgreSQL prints them, xmin included: any write shows.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var sql = "SELECT md5(" + string.Join(" || ", RecordTables.Select(t =>
            $"coalesce((SELECT string_agg(t::text || t.xmin::text, '|' ORDER BY t::text) FROM {t} t), '')")) + ")";
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<string> BodyTextAsync(HttpRequestMessage request) =>
        request.Content is null ? "" : await request.Content.ReadAsStringAsync(Ct);

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>What the requests of one run answered, and what was wrong with them.</summary>
    private sealed class FuzzRun(int seed, LogCapture logs)
    {
        public int Seed { get; } = seed;
        public int Sent { get; private set; }
        public List<string> Failures { get; } = [];
        public Dictionary<int, int> ByStatus { get; } = [];

        public void Fail(string failure) => Failures.Add(failure);

        /// <summary>The last exception the app logged, its first line and the first frame in Atlas's code: what a 500 came from.</summary>
        private string LastException() => logs.Events.LastOrDefault(e => e.Exception is not null)?.Exception is { } e
            ? $"{e.GetType().Name}: {e.Message.Split('\n')[0]} {e.StackTrace?.Split('\n').FirstOrDefault(f => f.Contains(" Atlas.", StringComparison.Ordinal))?.Trim()}"
            : "no exception logged";

        public async Task<int> SendAsync(HttpClient client, HttpRequestMessage request)
        {
            Sent++;
            var what = $"{request.Method} {Shorten(request.RequestUri!.OriginalString)}";
            using (request)
            {
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, Ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Fail($"{what} threw {e.GetType().Name}: {e.Message}");
                    return 500;
                }
                using (response)
                {
                    var status = (int)response.StatusCode;
                    ByStatus[status] = ByStatus.GetValueOrDefault(status) + 1;
                    if (status >= 500) Fail($"{what} answered {status}: {Shorten(await response.Content.ReadAsStringAsync(Ct))}; {LastException()}");
                    else if (status >= 400 && request.RequestUri.OriginalString.StartsWith("/api/", StringComparison.Ordinal)
                        && request.Method != HttpMethod.Head && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        Fail($"{what} answered {status} as {response.Content.Headers.ContentType?.MediaType ?? "nothing"}, not problem+json");
                    return status;
                }
            }
        }
    }
}
