using Atlas.Core.Data;
using Atlas.Core.Data.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Atlas.Tools.Benchmark;

/// <summary>
/// <c>bench-raw --urls http://127.0.0.1:PORT</c>: the data-access yardstick of scripts/benchmark.sh, served beside the app
/// rather than inside it (the app maps no benchmark endpoint in any configuration). <c>/bench/raw-project/{id}</c> reads a
/// project's record with one raw Npgsql command that builds the JSON inside PostgreSQL, the limit that the API's
/// <c>GET /api/v1/projects/{id}</c> is compared with; <c>/bench/raw-search</c> and <c>/bench/raw-list</c> answer a search
/// the same way (<see cref="RawSearch"/>); <c>/ping</c> says the host is up.
/// </summary>
internal static class RawYardstick
{
    public const string Verb = "bench-raw";
    public const string Usage = "bench-raw --urls http://127.0.0.1:PORT   (serves /bench/raw-project/{id}, /bench/raw-search, /bench/raw-list and /ping until stopped)";

    private const string ProjectJson = """
        SELECT json_build_object(
            'id', p.id, 'title', p.title, 'status', p.status, 'startYear', p.start_year, 'endYear', p.end_year,
            'objectives', p.objectives, 'description', p.description, 'context', p.context, 'updatedAt', p.updated_at,
            'partnership', (SELECT json_build_object('id', pa.id, 'title', pa.title) FROM partnerships pa WHERE pa.id = p.partnership_id),
            'themes', (SELECT json_agg(json_build_object('key', t.key, 'name', t.name, 'isMain', pt.is_main) ORDER BY pt.priority)
                       FROM project_themes pt JOIN themes t ON t.id = pt.theme_id WHERE pt.project_id = p.id),
            'participants', (SELECT json_agg(json_build_object('role', pp.role, 'authority', a.name, 'country', a.country_code, 'organisation', o.name) ORDER BY pp.sort_order)
                             FROM project_participants pp LEFT JOIN local_authorities a ON a.id = pp.local_authority_id
                             LEFT JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = p.id),
            'fundings', (SELECT json_agg(json_build_object('amount', f.amount, 'currency', f.currency_code, 'year', f.year,
                                                           'funder', coalesce(fa.name, fo.name)) ORDER BY f.sort_order)
                         FROM fundings f LEFT JOIN local_authorities fa ON fa.id = f.funder_authority_id
                         LEFT JOIN organisations fo ON fo.id = f.funder_organisation_id WHERE f.project_id = p.id),
            'contacts', (SELECT json_agg(json_build_object('name', concat_ws(' ', c.first_name, c.last_name), 'email', c.email) ORDER BY c.sort_order)
                         FROM contacts c WHERE c.project_id = p.id),
            'posts', (SELECT json_agg(json_build_object('name', d.name, 'city', d.city))
                      FROM diplomatic_posts d JOIN diplomatic_post_countries dc ON dc.diplomatic_post_id = d.id
                      WHERE dc.country_code = ANY(p.country_codes)))::text
        FROM projects p WHERE p.id = $1
        """;

    /// <summary>Serves until stopped (Ctrl+C, SIGTERM); a private cluster it started stops with it.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        using var loggerFactory = ToolLogging.CreateFactory();
        var (connectionString, local) = await DatabaseLocation.ResolveAsync(configuration, loggerFactory.CreateLogger("Atlas.BenchRaw"));
        try
        {
            // Tuned as the app tunes its own data source (prepared statements, work_mem, no JIT), so that the two reads
            // compared differ by the app's code only.
            await using var dataSource = NpgsqlDataSource.Create(ConnectionTuning.Apply(connectionString));
            await using var app = Create(args, dataSource);
            await app.RunAsync();
            return 0;
        }
        finally
        {
            if (local is not null) await local.DisposeAsync();
        }
    }

    /// <summary>The yardstick's host on <paramref name="dataSource"/>, built and not yet started; <paramref name="args"/> set its URLs.</summary>
    public static WebApplication Create(string[] args, NpgsqlDataSource dataSource)
    {
        // The slim host: a yardstick measures the database read, not the portal's middleware. No request log: a line per
        // request would be what is measured.
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(ToolLogging.Create(), dispose: true);
        var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        app.MapGet("/bench/raw-project/{id:int}", async (int id, CancellationToken ct) =>
        {
            await using var command = dataSource.CreateCommand(ProjectJson);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
            return await command.ExecuteScalarAsync(ct) is string json ? Results.Text(json, "application/json") : Results.NotFound();
        });
        // The search page's yardstick (/projets?q=&pays=&theme=: its page, total and facets) and, without facets, the
        // API list's (/api/v1/projects?country=&theme=&status=&limit=).
        app.MapGet("/bench/raw-search", (HttpRequest request, CancellationToken ct) => RawSearch.AnswerAsync(dataSource, request.Query, facets: true, ct));
        app.MapGet("/bench/raw-list", (HttpRequest request, CancellationToken ct) => RawSearch.AnswerAsync(dataSource, request.Query, facets: false, ct));
        return app;
    }
}
