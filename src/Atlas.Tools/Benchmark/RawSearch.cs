using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using NpgsqlTypes;

namespace Atlas.Tools.Benchmark;

/// <summary>
/// The search's yardstick: the smallest SQL that gives what the portal's search answers, run by hand in one statement. For
/// <c>/projets?q=&amp;pays=&amp;theme=</c> (facets on): the page of 20 by relevance, the total, and the counts of every facet
/// the page shows (countries, regions, départements, themes, statuses), each over the projects that meet every other
/// filter; for <c>/api/v1/projects?q=&amp;country=&amp;theme=&amp;status=&amp;limit=</c> (facets off): the page by id (the API's
/// default order, whatever the words) and the total.
/// Like the portal, it reads the rows meeting every filter but at most one once and counts each facet from them; unlike
/// it, it has no sample, no estimate over 20,000 matches, no validation and no HTML: it is the data-access limit.
/// </summary>
internal static class RawSearch
{
    public static async Task<IResult> AnswerAsync(NpgsqlDataSource dataSource, IQueryCollection query, bool facets, CancellationToken ct)
    {
        string? Text(params string[] names) => names.Select(n => query[n].ToString()).FirstOrDefault(v => v.Length > 0);
        var words = (Text("q") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToList();
        var country = Text("pays", "country")?.ToUpperInvariant();
        var theme = Text("theme");
        var status = Text("statut", "status");
        var limit = int.TryParse(Text("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 20;

        await using var command = dataSource.CreateCommand();
        var filters = new List<(string Name, string Condition)>();
        if (country is not null)
        {
            filters.Add(("country", "@country <@ p.country_codes"));
            command.Parameters.Add(new NpgsqlParameter<string[]>("country", [country]));
        }
        if (theme is not null)
        {
            filters.Add(("theme", "ARRAY[(SELECT t.id FROM themes t WHERE t.key = @theme)] <@ p.theme_ids"));
            command.Parameters.Add(new NpgsqlParameter<string>("theme", theme));
        }
        if (status is not null)
        {
            filters.Add(("status", "p.status = @status"));
            command.Parameters.Add(new NpgsqlParameter<string>("status", NpgsqlDbType.Varchar) { TypedValue = status });
        }
        var text = words.Count > 0 ? "to_tsquery('atlas_words', atlas_unaccent(@q))" : null;
        if (text is not null) command.Parameters.Add(new NpgsqlParameter<string>("q", string.Join(" & ", words.Select(w => $"'{w}':*"))));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        command.CommandText = Sql(filters, text, facets);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string json ? Results.Text(json, "application/json") : Results.NotFound();
    }

    private static string Sql(List<(string Name, string Condition)> filters, string? text, bool facets)
    {
        string Met(string? except) => filters.Where(f => f.Name != except).Select(f => $"m.in_{f.Name}").DefaultIfEmpty("true").Aggregate((a, b) => $"{a} AND {b}");
        // With facets the rows read are those missing at most one filter (each facet counts the rows meeting all the others).
        var rows = !facets || filters.Count < 2
            ? string.Join(" AND ", filters.Select(f => f.Condition).DefaultIfEmpty("true"))
            : string.Join(" OR ", filters.Select(f => "(" + string.Join(" AND ", filters.Where(o => o != f).Select(o => o.Condition)) + ")"));
        var sql = new StringBuilder($"""
            WITH m AS MATERIALIZED (
                SELECT p.id, p.status, p.country_codes, p.region_codes, p.department_codes, p.theme_ids,
                       {(text is null || !facets ? "0::real" : $"ts_rank(p.search_vector, {text})")} AS rank
                       {string.Concat(filters.Select(f => $", {f.Condition} AS in_{f.Name}"))}
                FROM projects p
                WHERE p.deleted_at IS NULL {(text is null ? "" : $"AND p.search_vector @@ {text}")} AND ({rows})
            )
            SELECT json_build_object(
                'total', (SELECT count(*) FROM m WHERE {Met(null)}),
                'page', coalesce((SELECT json_agg(r) FROM (
                    SELECT p.id, p.title, p.status, p.start_year, p.end_year, p.partnership_id, pa.title AS partnership_title, p.country_codes, p.updated_at,
                           (SELECT pt.theme_id FROM project_themes pt WHERE pt.project_id = p.id AND pt.is_main) AS main_theme_id,
                           (SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'country', a.country_code))
                            FROM local_authorities a WHERE a.id = ANY (p.authority_ids) AND a.deleted_at IS NULL) AS authorities
                    FROM (SELECT m.id, m.rank FROM m WHERE {Met(null)} ORDER BY m.rank DESC, m.id LIMIT @limit) h
                    JOIN projects p ON p.id = h.id
                    LEFT JOIN partnerships pa ON pa.id = p.partnership_id AND pa.deleted_at IS NULL
                    ORDER BY h.rank DESC, h.id) r), '[]')
            """);
        if (facets)
        {
            sql.Append($"""
                ,
                'countries', (SELECT json_object_agg(k, n) FROM (SELECT k, count(*) n FROM m, unnest(m.country_codes) k WHERE {Met("country")} GROUP BY k) f),
                'regions', (SELECT json_object_agg(k, n) FROM (SELECT k, count(*) n FROM m, unnest(m.region_codes) k WHERE {Met(null)} GROUP BY k) f),
                'departments', (SELECT json_object_agg(k, n) FROM (SELECT k, count(*) n FROM m, unnest(m.department_codes) k WHERE {Met(null)} GROUP BY k) f),
                'themes', (SELECT json_object_agg(k, n) FROM (SELECT k, count(*) n FROM m, unnest(m.theme_ids) k WHERE {Met("theme")} GROUP BY k) f),
                'statuses', (SELECT json_object_agg(k, n) FROM (SELECT m.status k, count(*) n FROM m WHERE {Met("status")} GROUP BY m.status) f)
                """);
        }
        sql.Append(")::text");
        return sql.ToString();
    }
}
