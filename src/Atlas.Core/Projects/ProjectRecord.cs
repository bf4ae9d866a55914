using Atlas.Core.Data;
using Atlas.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Projects;

/// <summary>A project with everything its public record shows, and the embassies that follow its partner countries.</summary>
public sealed record ProjectRecord(Project Project, IReadOnlyList<DiplomaticPost> Posts);

/// <summary>
/// Reads a project's record in one statement that PostgreSQL turns into one JSON document (the record is the busiest read of
/// the portal and of the API). It hides what EF's soft-delete filters hide: deleted lines are left out, a deleted authority
/// or organisation a line names leaves that line without it, and a deleted authority leaves its partnership's list.
/// </summary>
public sealed class ProjectRecordQuery(AtlasDbContext db)
{
    private static readonly string Authority = $"to_jsonb(a) || jsonb_build_object({Version("a")}, 'country', to_jsonb(ac))";

    private static readonly string Sql = $$"""
        SELECT jsonb_build_object(
            'project', to_jsonb(p) - 'search_vector' - 'search_text' || jsonb_build_object(
                {{Version("p")}},
                'partnership', (
                    SELECT to_jsonb(pa) || jsonb_build_object({{Version("pa")}}, 'authorities', coalesce((
                        SELECT jsonb_agg(to_jsonb(link) || jsonb_build_object('local_authority', {{Authority}}) ORDER BY a.id)
                        FROM partnership_authorities link
                        JOIN local_authorities a ON a.id = link.local_authority_id AND a.deleted_at IS NULL
                        JOIN countries ac ON ac.code = a.country_code
                        WHERE link.partnership_id = pa.id), '[]'))
                    FROM partnerships pa WHERE pa.id = p.partnership_id AND pa.deleted_at IS NULL),
                'themes', coalesce((
                    SELECT jsonb_agg(to_jsonb(pt) || jsonb_build_object('theme', to_jsonb(t)) ORDER BY pt.theme_id)
                    FROM project_themes pt JOIN themes t ON t.id = pt.theme_id
                    WHERE pt.project_id = p.id), '[]'),
                'participants', coalesce((
                    SELECT jsonb_agg(to_jsonb(pp) || jsonb_build_object({{Version("pp")}},
                               'local_authority', {{Authority}}, 'organisation', to_jsonb(o) || jsonb_build_object({{Version("o")}}))
                           ORDER BY pp.sort_order, pp.id)
                    FROM project_participants pp
                    LEFT JOIN local_authorities a ON a.id = pp.local_authority_id AND a.deleted_at IS NULL
                    LEFT JOIN countries ac ON ac.code = a.country_code
                    LEFT JOIN organisations o ON o.id = pp.organisation_id AND o.deleted_at IS NULL
                    WHERE pp.project_id = p.id AND pp.deleted_at IS NULL), '[]'),
                'fundings', coalesce((
                    SELECT jsonb_agg(to_jsonb(f) || jsonb_build_object({{Version("f")}},
                               'funder_authority', to_jsonb(a) || jsonb_build_object({{Version("a")}}),
                               'funder_organisation', to_jsonb(o) || jsonb_build_object({{Version("o")}}))
                           ORDER BY f.sort_order, f.id)
                    FROM fundings f
                    LEFT JOIN local_authorities a ON a.id = f.funder_authority_id AND a.deleted_at IS NULL
                    LEFT JOIN organisations o ON o.id = f.funder_organisation_id AND o.deleted_at IS NULL
                    WHERE f.project_id = p.id AND f.deleted_at IS NULL), '[]'),
                'contacts', coalesce((
                    SELECT jsonb_agg(to_jsonb(c) || jsonb_build_object({{Version("c")}},
                               'local_authority', to_jsonb(a) || jsonb_build_object({{Version("a")}}),
                               'organisation', to_jsonb(o) || jsonb_build_object({{Version("o")}}))
                           ORDER BY c.sort_order, c.id)
                    FROM contacts c
                    LEFT JOIN local_authorities a ON a.id = c.local_authority_id AND a.deleted_at IS NULL
                    LEFT JOIN organisations o ON o.id = c.organisation_id AND o.deleted_at IS NULL
                    WHERE c.project_id = p.id AND c.deleted_at IS NULL), '[]'),
                'volunteers', coalesce((
                    SELECT jsonb_agg(to_jsonb(v) || jsonb_build_object({{Version("v")}}) ORDER BY v.id)
                    FROM volunteers v WHERE v.project_id = p.id AND v.deleted_at IS NULL), '[]')),
            'posts', coalesce((
                SELECT jsonb_agg(to_jsonb(d) || jsonb_build_object({{Version("d")}},
                           'countries', (SELECT jsonb_agg(to_jsonb(dc) ORDER BY dc.country_code)
                                         FROM diplomatic_post_countries dc WHERE dc.diplomatic_post_id = d.id),
                           'contacts', coalesce((
                               SELECT jsonb_agg(to_jsonb(c) || jsonb_build_object({{Version("c")}}) ORDER BY c.sort_order, c.id)
                               FROM contacts c WHERE c.diplomatic_post_id = d.id AND c.deleted_at IS NULL), '[]'))
                       ORDER BY d.name, d.id)
                FROM diplomatic_posts d
                -- The posts of the project's countries first (their codes as bpchar, the column's type, to use its index), then those posts.
                WHERE d.deleted_at IS NULL AND d.id = ANY (ARRAY(
                    SELECT dc.diplomatic_post_id FROM diplomatic_post_countries dc WHERE dc.country_code = ANY (p.country_codes::bpchar[])))), '[]')
        )::text AS "Value"
        FROM projects p
        WHERE p.id = {0} AND p.deleted_at IS NULL
        """;

    public async Task<ProjectRecord?> GetAsync(int id, CancellationToken ct = default)
    {
        var json = await db.Database.SqlQueryRaw<string>(Sql, id).ToListAsync(ct).ConfigureAwait(false);
        if (json.Count == 0) return null;
        var record = RowJson.Read<RecordJson>(json[0]);
        return new ProjectRecord(record.Project, record.Posts);
    }

    /// <summary>The row's xmin, which EF maps to the entity's Version.</summary>
    private static string Version(string alias) => $"'version', {alias}.xmin::text::bigint";

    private sealed record RecordJson(Project Project, List<DiplomaticPost> Posts);
}
