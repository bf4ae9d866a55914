using NpgsqlTypes;

namespace Atlas.Core.Projects;

/// <summary>
/// Derives each project's search columns (full-text document, countries, French regions and départements, authorities,
/// its own themes with their ancestors) from its graph, so that a search with every filter and facet reads the projects table
/// alone. Every save through <see cref="AtlasDbContext"/> refreshes the projects it touches (<see cref="ProjectSearchUpkeep"/>);
/// bulk loads that write in SQL call <see cref="RefreshAsync(NpgsqlConnection, NpgsqlTransaction?, IReadOnlyCollection{int}?, int, int, CancellationToken)"/>.
/// </summary>
public static class ProjectSearchIndex
{
    private const string Sql = """
        WITH target AS (
            SELECT id, partnership_id FROM projects WHERE (@ids IS NULL OR id = ANY(@ids)) AND id BETWEEN @from AND @to
        ),
        authority_links AS (
            SELECT t.id AS project_id, pp.local_authority_id AS authority_id
            FROM target t JOIN project_participants pp ON pp.project_id = t.id
            WHERE pp.local_authority_id IS NOT NULL AND pp.deleted_at IS NULL
            UNION
            SELECT t.id, pa.local_authority_id
            FROM target t JOIN partnership_authorities pa ON pa.partnership_id = t.partnership_id
        ),
        authorities AS (
            SELECT l.project_id,
                   array_agg(DISTINCT a.id ORDER BY a.id) AS authority_ids,
                   coalesce(array_agg(DISTINCT a.country_code::text) FILTER (WHERE a.country_code <> 'FR'), '{}') AS country_codes,
                   coalesce(array_agg(DISTINCT coalesce(a.region_code, d.region_code)::text)
                            FILTER (WHERE coalesce(a.region_code, d.region_code) IS NOT NULL), '{}') AS region_codes,
                   coalesce(array_agg(DISTINCT a.department_code::text) FILTER (WHERE a.department_code IS NOT NULL), '{}') AS department_codes,
                   string_agg(DISTINCT concat_ws(' ', a.name, NULLIF(array_to_string(a.alternate_names, ' '), ''), c.name, d.name), ' ') AS text
            FROM authority_links l
            JOIN local_authorities a ON a.id = l.authority_id
            JOIN countries c ON c.code = a.country_code
            LEFT JOIN departments d ON d.code = a.department_code
            GROUP BY l.project_id
        ),
        -- A project is found by a theme it carries itself, main or other (and by that theme's ancestors): never by its
        -- partnership's themes, which the partnership list filters on. They once counted here, and Moroccan projects filtered
        -- by water were 37, most of them cultural exchanges of partnerships that had the theme, where 7 carry it. The
        -- full-text document follows the same rule: searching for a theme's name finds the projects that carry it.
        theme_links AS (
            SELECT t.id AS project_id, pt.theme_id FROM target t JOIN project_themes pt ON pt.project_id = t.id
        ),
        theme_paths AS (
            SELECT l.project_id, th.id, th.name FROM theme_links l JOIN themes th ON th.id = l.theme_id
            UNION
            SELECT l.project_id, parent.id, parent.name
            FROM theme_links l JOIN themes th ON th.id = l.theme_id JOIN themes parent ON parent.id = th.parent_id
            UNION
            SELECT l.project_id, grand.id, grand.name
            FROM theme_links l JOIN themes th ON th.id = l.theme_id JOIN themes parent ON parent.id = th.parent_id
                 JOIN themes grand ON grand.id = parent.parent_id
        ),
        themes AS (
            SELECT project_id, array_agg(DISTINCT id ORDER BY id) AS theme_ids, string_agg(DISTINCT name, ' ') AS text
            FROM theme_paths GROUP BY project_id
        ),
        organisations AS (
            SELECT t.id AS project_id, string_agg(DISTINCT o.name, ' ') AS text,
                   coalesce(array_agg(DISTINCT o.country_code::text) FILTER (WHERE o.country_code <> 'FR'), '{}') AS country_codes
            FROM target t JOIN project_participants pp ON pp.project_id = t.id JOIN organisations o ON o.id = pp.organisation_id
            WHERE pp.deleted_at IS NULL
            GROUP BY t.id
        ),
        -- A project's partner countries are those of its foreign authorities and of the organisations abroad that take part
        -- in it: an action led by associations, with no partnership, has no other (France is never one, see PartnerCountries).
        partner_countries AS (
            SELECT project_id, array_agg(DISTINCT code ORDER BY code) AS country_codes
            FROM (SELECT project_id, unnest(country_codes) AS code FROM authorities
                  UNION
                  SELECT project_id, unnest(country_codes) FROM organisations) c
            GROUP BY project_id
        ),
        computed AS (
            SELECT t.id,
                   coalesce(a.authority_ids, '{}') AS authority_ids,
                   coalesce(co.country_codes, '{}') AS country_codes,
                   coalesce(a.region_codes, '{}') AS region_codes,
                   coalesce(a.department_codes, '{}') AS department_codes,
                   coalesce(th.theme_ids, '{}') AS theme_ids,
                   concat_ws(' ', pr.title, pa.title, pr.objectives, pr.description, pr.context, pr.history, pr.beneficiaries,
                             pa.domains, a.text, o.text, th.text) AS search_text
            FROM target t
            JOIN projects pr ON pr.id = t.id
            LEFT JOIN partnerships pa ON pa.id = t.partnership_id
            LEFT JOIN authorities a ON a.project_id = t.id
            LEFT JOIN themes th ON th.project_id = t.id
            LEFT JOIN organisations o ON o.project_id = t.id
            LEFT JOIN partner_countries co ON co.project_id = t.id
        )
        UPDATE projects p SET
            authority_ids = c.authority_ids,
            country_codes = c.country_codes,
            region_codes = c.region_codes,
            department_codes = c.department_codes,
            theme_ids = c.theme_ids,
            search_text = c.search_text
        FROM computed c
        -- Rows whose derived columns are already right are left alone, so their version (xmin) does not move.
        WHERE p.id = c.id
          AND (p.authority_ids, p.country_codes, p.region_codes, p.department_codes, p.theme_ids, p.search_text)
              IS DISTINCT FROM (c.authority_ids, c.country_codes, c.region_codes, c.department_codes, c.theme_ids, c.search_text)
        """;

    /// <summary>Refreshes the given projects, or every project when <paramref name="projectIds"/> is null.</summary>
    public static async Task<int> RefreshAsync(AtlasDbContext db, IReadOnlyCollection<int>? projectIds, CancellationToken cancellationToken = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        return await RefreshAsync(connection, transaction, projectIds, 1, int.MaxValue, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What <see cref="RefreshAsync(AtlasDbContext, IReadOnlyCollection{int}?, CancellationToken)"/> does, for a synchronous save.</summary>
    public static int Refresh(AtlasDbContext db, IReadOnlyCollection<int> projectIds)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) db.Database.OpenConnection();
        using var command = Command(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(), projectIds, 1, int.MaxValue);
        return command.ExecuteNonQuery();
    }

    /// <summary>Refreshes the given projects (every project when null) whose ids lie between the bounds: bulk loads go a slice at a time.</summary>
    public static async Task<int> RefreshAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<int>? projectIds, int fromId, int toId,
        CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, transaction, projectIds, fromId, toId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<int>? projectIds, int fromId, int toId)
    {
        var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer)
        {
            Value = projectIds is null ? DBNull.Value : projectIds.ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter<int>("from", fromId));
        command.Parameters.Add(new NpgsqlParameter<int>("to", toId));
        // A whole-table slice may take longer than a request's timeout; a list of ids stays within it.
        if (projectIds is null) command.CommandTimeout = 0;
        return command;
    }
}
