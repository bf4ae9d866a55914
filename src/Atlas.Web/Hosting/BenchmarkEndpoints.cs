using Npgsql;

namespace Atlas.Web.Hosting;

/// <summary>
/// Yardsticks for scripts/benchmark.sh, mapped only when Atlas:Benchmark:Endpoints is true (off by default): a project's
/// record read with one raw Npgsql command that builds the JSON inside PostgreSQL, the data-access limit that the API's
/// <c>GET /api/v1/projects/{id}</c> is compared with.
/// </summary>
internal static class BenchmarkEndpoints
{
    public const string Setting = "Atlas:Benchmark:Endpoints";

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

    public static void MapBenchmarkEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue(Setting, false)) return;
        app.MapGet("/bench/raw-project/{id:int}", async (int id, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            await using var command = dataSource.CreateCommand(ProjectJson);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
            return await command.ExecuteScalarAsync(ct) is string json ? Results.Text(json, "application/json") : Results.NotFound();
        }).ExcludeFromDescription();
    }
}
