namespace Atlas.Core.Projects;

/// <summary>
/// A project's record as the API publishes it (<c>GET /api/v1/projects/{id}</c>), built whole by PostgreSQL in one statement
/// and handed over as UTF-8 JSON, without entities in between. This statement is the one definition of that document's
/// shape: its keys, their order and their values. The API's <c>ProjectDto</c> only describes it in the OpenAPI document, and
/// a test checks every demo project's document against that schema (ProjectDocumentTests).
/// </summary>
/// <remarks>
/// Measured at scale 1 (2026-12-06, CPU per request under wrk's 32 connections): reading the record into entities, mapping
/// them to the DTO and serialising it cost the app 0.80 ms and PostgreSQL 0.62 ms (every column of every row, a partnership's
/// authorities with their countries); the raw yardstick 0.15 + 0.15 ms. Its values are those the mapping wrote: the
/// record's filters (deleted lines and posts left out, a deleted authority or organisation leaves its line, which then has
/// no party to name), the same orders, names and theme paths from the same tables the reference catalog reads, instants in
/// UTC written as System.Text.Json writes a DateTimeOffset.
/// </remarks>
public sealed class ProjectDocumentQuery(AtlasDbContext db)
{
    /// <summary>The project's document as UTF-8 JSON (PostgreSQL's spacing; the API writes it compact), or null when there is none.</summary>
    public async Task<byte[]?> GetAsync(int id, CancellationToken ct = default)
    {
        var rows = await db.Database.SqlQueryRaw<byte[]>(Sql, id).ToListAsync(ct).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    // "2026-11-22T07:09:00.1234+00:00": PostgreSQL's ISO form of the UTC wall time (trailing zeros of the fraction dropped,
    // as System.Text.Json drops them), whatever the session's time zone.
    private static string Instant(string column) => $"replace(({column} AT TIME ZONE 'UTC')::text, ' ', 'T') || '+00:00'";

    private static string List(string select) => $"coalesce(({select}), '[]')";

    // A theme as ThemeDto: its key, its name and the names of its path from the top level (the tree has three levels).
    private static string Theme(string alias) => $"""
        (SELECT json_build_object('key', {alias}.key, 'name', {alias}.name,
                                  'path', array_to_json(array_remove(ARRAY[g.name, u.name, {alias}.name], NULL)))
         FROM (SELECT 1) one
         LEFT JOIN themes u ON u.id = {alias}.parent_id
         LEFT JOIN themes g ON g.id = u.parent_id)
        """;

    // A line's party as ParticipantDto: the authority it names, else the organisation (a deleted one is not named).
    private static string Party(string role) => $"""
        CASE WHEN a.id IS NOT NULL
             THEN json_build_object('role', {role}, 'type', 'authority', 'id', a.id, 'name', a.name, 'country', a.country_code, 'url', '/collectivites/' || a.id)
             ELSE json_build_object('role', {role}, 'type', 'organisation', 'id', o.id, 'name', o.name, 'country', o.country_code, 'url', NULL) END
        """;

    // A contact as ContactDto: first and last name joined when not blank (Contact.FullName).
    private static string Contact(string organisation) => $"""
        json_build_object('name', concat_ws(' ', CASE WHEN c.first_name !~ '^\s*$' THEN c.first_name END,
                                                 CASE WHEN c.last_name !~ '^\s*$' THEN c.last_name END),
                          'function', c.function, 'role', c.role, 'organisation', {organisation})
        """;

    private static readonly string Sql = $"""
        SELECT convert_to(json_build_object(
            'id', p.id, 'title', p.title, 'status', p.status, 'firstSignatureYear', p.first_signature_year,
            'startYear', p.start_year, 'startDate', p.start_date, 'endYear', p.end_year, 'endDate', p.end_date,
            'context', p.context, 'history', p.history, 'objectives', p.objectives, 'description', p.description,
            'form', p.form, 'beneficiaries', p.beneficiaries,
            'totalCost', CASE WHEN p.total_cost_amount IS NOT NULL THEN json_build_object('amount', p.total_cost_amount, 'currency', p.total_cost_currency) END,
            'isTriennial', p.is_triennial, 'communicationInFrance', p.communication_in_france,
            'communicationInPartnerCountry', p.communication_in_partner_country, 'evaluationPolicy', p.evaluation_policy,
            'partnership', (SELECT json_build_object('id', pa.id, 'title', pa.title, 'legalFrame', pa.legal_frame, 'signedOn', pa.signed_on,
                                                     'signedYear', pa.signed_year, 'status', pa.status)
                            FROM partnerships pa WHERE pa.id = p.partnership_id AND pa.deleted_at IS NULL),
            -- Each name by its key (the code as bpchar, the column's type): a join hashed all 249 countries, 0.05 of 0.25 ms.
            'countries', {List("""
                SELECT json_agg(json_build_object('code', cc.code, 'name', coalesce((SELECT k.name FROM countries k WHERE k.code = cc.code::bpchar), cc.code)) ORDER BY cc.n)
                FROM unnest(p.country_codes) WITH ORDINALITY AS cc(code, n)
                """)},
            'mainTheme', (SELECT {Theme("t")} FROM project_themes pt JOIN themes t ON t.id = pt.theme_id
                          WHERE pt.project_id = p.id AND pt.is_main ORDER BY pt.theme_id LIMIT 1),
            'otherThemes', {List($"""
                SELECT json_agg(json_build_object('theme', {Theme("t")}, 'priority', pt.priority) ORDER BY coalesce(pt.priority, 2147483647), pt.theme_id)
                FROM project_themes pt JOIN themes t ON t.id = pt.theme_id
                WHERE pt.project_id = p.id AND NOT pt.is_main
                """)},
            'participants', {List($"""
                SELECT json_agg({Party("pp.role")} ORDER BY pp.sort_order, pp.id)
                FROM project_participants pp
                LEFT JOIN local_authorities a ON a.id = pp.local_authority_id AND a.deleted_at IS NULL
                LEFT JOIN organisations o ON o.id = pp.organisation_id AND o.deleted_at IS NULL
                WHERE pp.project_id = p.id AND pp.deleted_at IS NULL AND coalesce(a.id, o.id) IS NOT NULL
                """)},
            'fundings', {List($"""
                SELECT json_agg(json_build_object('funder', {Party("'funder'")}, 'amount', f.amount, 'currency', f.currency_code,
                                                  'waterLawAmount', f.water_law_amount, 'year', f.year, 'note', f.note) ORDER BY f.sort_order, f.id)
                FROM fundings f
                LEFT JOIN local_authorities a ON a.id = f.funder_authority_id AND a.deleted_at IS NULL
                LEFT JOIN organisations o ON o.id = f.funder_organisation_id AND o.deleted_at IS NULL
                WHERE f.project_id = p.id AND f.deleted_at IS NULL AND coalesce(a.id, o.id) IS NOT NULL
                """)},
            'contacts', {List($"""
                SELECT json_agg({Contact("coalesce(a.name, o.name)")} ORDER BY c.sort_order, c.id)
                FROM contacts c
                LEFT JOIN local_authorities a ON a.id = c.local_authority_id AND a.deleted_at IS NULL
                LEFT JOIN organisations o ON o.id = c.organisation_id AND o.deleted_at IS NULL
                WHERE c.project_id = p.id AND c.deleted_at IS NULL
                """)},
            'volunteers', {List("""
                SELECT json_agg(json_build_object('name', concat_ws(' ', CASE WHEN v.first_name !~ '^\s*$' THEN v.first_name END,
                                                                         CASE WHEN v.last_name !~ '^\s*$' THEN v.last_name END),
                                                  'mission', v.mission, 'fieldOfAction', v.field_of_action, 'hostEntity', v.host_entity) ORDER BY v.id)
                FROM volunteers v WHERE v.project_id = p.id AND v.deleted_at IS NULL
                """)},
            'diplomaticPosts', {List($"""
                SELECT json_agg(json_build_object(
                    'id', d.id, 'name', d.name,
                    'countries', {List("SELECT json_agg(dc.country_code ORDER BY dc.country_code) FROM diplomatic_post_countries dc WHERE dc.diplomatic_post_id = d.id")},
                    'contacts', {List($"SELECT json_agg({Contact("NULL")} ORDER BY c.sort_order, c.id) FROM contacts c WHERE c.diplomatic_post_id = d.id AND c.deleted_at IS NULL")}
                    ) ORDER BY d.name, d.id)
                FROM diplomatic_posts d
                -- The posts of the project's countries first (their codes as bpchar, the column's type, to use its index), then those posts.
                WHERE d.deleted_at IS NULL AND d.id = ANY (ARRAY(
                    SELECT m.diplomatic_post_id FROM diplomatic_post_countries m WHERE m.country_code = ANY (p.country_codes::bpchar[])))
                """)},
            'source', p.source, 'updatedAt', {Instant("p.updated_at")}, 'url', '/projets/' || p.id, 'version', p.xmin::text::bigint
            )::text, 'UTF8') AS "Value"
        FROM projects p
        WHERE p.id = {"{0}"} AND p.deleted_at IS NULL
        """;
}
