using Microsoft.EntityFrameworkCore.Metadata;

namespace Atlas.Core.Projects;

/// <summary>
/// Reads a project's record in one statement that PostgreSQL turns into one JSON document (the record is the busiest read of
/// the portal and of the API). It hides what EF's soft-delete filters hide: deleted lines are left out, a deleted authority
/// or organisation a line names leaves that line without it, and a deleted authority leaves its partnership's list.
/// </summary>
public sealed class ProjectRecordQuery(AtlasDbContext db)
{
    private static string? _sql;

    public async Task<ProjectRecord?> GetAsync(int id, CancellationToken ct = default)
    {
        var sql = _sql ??= RecordSql(db.Model);
        var json = await db.Database.SqlQueryRaw<string>(sql, id).ToListAsync(ct).ConfigureAwait(false);
        if (json.Count == 0) return null;
        var record = RowJson.Read<RecordJson>(json[0]);
        return new ProjectRecord(record.Project, record.Posts, record.LastEditedAt);
    }

    private static string RecordSql(IModel model)
    {
        string Row<T>(string alias, string? navigations = null, params string[] leftOut) => RowJson.Object<T>(model, alias, navigations, leftOut);
        string List(string select) => $"coalesce(({select}), '[]')";

        var authority = Row<LocalAuthority>("a", $"'country', {Row<Country>("ac")}");

        // A project's lines that each name an authority or an organisation (its navigation, and the foreign key beside it),
        // with the one named unless it is deleted; the authority's country is there when its JSON asks for it.
        string Lines<T>(string table, string alias, string authorityKey, string organisationKey, string authorityJson) => List($"""
            SELECT json_agg({Row<T>(alias, $"'{authorityKey}', {authorityJson}, '{organisationKey}', {Row<Organisation>("o")}")} ORDER BY {alias}.sort_order, {alias}.id)
            FROM {table} {alias}
            LEFT JOIN local_authorities a ON a.id = {alias}.{authorityKey}_id AND a.deleted_at IS NULL
            LEFT JOIN countries ac ON ac.code = a.country_code
            LEFT JOIN organisations o ON o.id = {alias}.{organisationKey}_id AND o.deleted_at IS NULL
            WHERE {alias}.project_id = p.id AND {alias}.deleted_at IS NULL
            """);

        var partnership = Row<Partnership>("pa", $"""
            'authorities', {List($"""
                SELECT json_agg({Row<PartnershipAuthority>("link", $"'local_authority', {authority}")} ORDER BY a.id)
                FROM partnership_authorities link
                JOIN local_authorities a ON a.id = link.local_authority_id AND a.deleted_at IS NULL
                JOIN countries ac ON ac.code = a.country_code
                WHERE link.partnership_id = pa.id
                """)},
            'themes', {List($"SELECT json_agg({Row<PartnershipTheme>("pth")} ORDER BY pth.theme_id) FROM partnership_themes pth WHERE pth.partnership_id = pa.id")}
            """);
        var project = Row<Project>("p", $"""
            'partnership', (SELECT {partnership} FROM partnerships pa WHERE pa.id = p.partnership_id AND pa.deleted_at IS NULL),
            'themes', {List($"""
                SELECT json_agg({Row<ProjectTheme>("pt", $"'theme', {Row<Theme>("t")}")} ORDER BY pt.theme_id)
                FROM project_themes pt JOIN themes t ON t.id = pt.theme_id
                WHERE pt.project_id = p.id
                """)},
            'participants', {Lines<ProjectParticipant>("project_participants", "pp", "local_authority", "organisation", authority)},
            'fundings', {Lines<Funding>("fundings", "f", "funder_authority", "funder_organisation", Row<LocalAuthority>("a"))},
            'contacts', {Lines<Contact>("contacts", "c", "local_authority", "organisation", Row<LocalAuthority>("a"))},
            'volunteers', {List($"SELECT json_agg({Row<Volunteer>("v")} ORDER BY v.id) FROM volunteers v WHERE v.project_id = p.id AND v.deleted_at IS NULL")}
            """, nameof(Project.SearchText), nameof(Project.SearchVector));
        var post = Row<DiplomaticPost>("d", $"""
            'countries', {List($"SELECT json_agg({Row<DiplomaticPostCountry>("dc")} ORDER BY dc.country_code) FROM diplomatic_post_countries dc WHERE dc.diplomatic_post_id = d.id")},
            'contacts', {List($"SELECT json_agg({Row<Contact>("c")} ORDER BY c.sort_order, c.id) FROM contacts c WHERE c.diplomatic_post_id = d.id AND c.deleted_at IS NULL")}
            """);
        return $"""
            SELECT json_build_object(
                'project', {project},
                -- Only an edit writes history (ix_change_records_project_id): a record loaded and never changed has none.
                'last_edited_at', (SELECT max(cr.at) FROM change_records cr WHERE cr.project_id = p.id),
                'posts', {List($"""
                    SELECT json_agg({post} ORDER BY d.name, d.id)
                    FROM diplomatic_posts d
                    -- The posts of the project's countries first (their codes as bpchar, the column's type, to use its index), then those posts.
                    WHERE d.deleted_at IS NULL AND d.id = ANY (ARRAY(
                        SELECT m.diplomatic_post_id FROM diplomatic_post_countries m WHERE m.country_code = ANY (p.country_codes::bpchar[])))
                    """)}
            )::text AS "Value"
            FROM projects p
            WHERE p.id = {"{0}"} AND p.deleted_at IS NULL
            """;
    }

    private sealed record RecordJson(Project Project, List<DiplomaticPost> Posts, DateTimeOffset? LastEditedAt);
}
