using Atlas.Core.Data.Seeding;
using NpgsqlTypes;

namespace Atlas.Core.Themes;

/// <summary>
/// Brings the stored theme tree to themes.json: adds the nodes it lacks, gives kept nodes their name, parent and order,
/// and retires the nodes the tree no longer has by moving their projects' and partnerships' links onto the node the
/// crosswalk names (keeping each link's source label), then deleting them. A database whose tree already matches is left
/// untouched (no statement writes), so that a start-up does not make every cache stale.
/// </summary>
internal static class ThemeTreeSync
{
    public sealed record Result(int Added, int Retired, IReadOnlyCollection<int> ProjectsToReindex);

    public static async Task<Result> SyncAsync(AtlasDbContext db, IReadOnlyList<DemoTheme> tree, CancellationToken ct)
    {
        var existing = await db.Themes.ToDictionaryAsync(t => t.Key, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var treeKeys = new HashSet<string>(StringComparer.Ordinal);
        var changed = new List<Theme>();
        var added = 0;
        void Walk(IEnumerable<DemoTheme> records, Theme? parent, int level)
        {
            var order = 0;
            foreach (var record in records)
            {
                var key = parent is null ? record.Key : $"{parent.Key}/{record.Key}";
                treeKeys.Add(key);
                if (!existing.TryGetValue(key, out var theme))
                {
                    theme = new Theme { Key = key, Name = record.Name, Parent = parent, Level = level, SortOrder = order };
                    db.Themes.Add(theme);
                    existing[key] = theme;
                    added++;
                }
                else if (theme.Name != record.Name || theme.Level != level || theme.SortOrder != order || theme.ParentId != parent?.Id)
                {
                    (theme.Name, theme.Level, theme.SortOrder, theme.Parent) = (record.Name, level, order, parent);
                    changed.Add(theme);
                }
                order++;
                Walk(record.Children ?? [], theme, level + 1);
            }
        }
        Walk(tree, null, 1);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var retired = existing.Values.Where(t => !treeKeys.Contains(t.Key)).ToList();
        var moves = retired
            .Select(t => (Old: t, New: ThemeCrosswalk.BySourceKey.TryGetValue(t.Key, out var e) && existing.TryGetValue(e.TreeKey, out var n) && treeKeys.Contains(n.Key) ? n : null))
            .Where(m => m.New is not null)
            .ToList();
        var reindex = new HashSet<int>();
        if (moves.Count > 0)
        {
            var oldIds = moves.Select(m => m.Old.Id).ToArray();
            var newIds = moves.Select(m => m.New!.Id).ToArray();
            reindex.UnionWith(await MoveLinksAsync(db, oldIds, newIds, ct).ConfigureAwait(false));
            // Children before their parents: a node's parent is a restricted foreign key.
            foreach (var (old, _) in moves.OrderByDescending(m => m.Old.Level)) db.Themes.Remove(old);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        if (changed.Count > 0)
        {
            // A renamed or moved node changes the names and ancestors in its projects' (and its sub-themes' projects') index.
            var changedIds = changed.Select(t => t.Id).ToHashSet();
            var affected = existing.Values.Where(t => Ancestry(t).Any(a => changedIds.Contains(a.Id))).Select(t => t.Id).ToArray();
            reindex.UnionWith(await db.ProjectThemes.IgnoreQueryFilters().Where(pt => affected.Contains(pt.ThemeId))
                .Select(pt => pt.ProjectId).Distinct().ToListAsync(ct).ConfigureAwait(false));
        }
        return new Result(added, moves.Count, reindex);
    }

    private static IEnumerable<Theme> Ancestry(Theme theme)
    {
        for (var node = theme; node is not null; node = node.Parent) yield return node;
    }

    /// <summary>
    /// Moves every link of the old nodes to the new ones; where a record already has the new node (or has two old nodes
    /// that both become it), the links become one: main if either was, the best priority otherwise, both source labels.
    /// Returns the projects whose themes moved.
    /// </summary>
    private static async Task<List<int>> MoveLinksAsync(AtlasDbContext db, int[] oldIds, int[] newIds, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        var projects = new List<int>();
        await using (var command = new NpgsqlCommand($"""
            CREATE TEMP TABLE theme_moves ON COMMIT DROP AS SELECT * FROM unnest(@old, @new) AS m(old_id, new_id);
            CREATE TEMP TABLE moved_project_themes ON COMMIT DROP AS
                SELECT pt.project_id, coalesce(m.new_id, pt.theme_id) AS theme_id, pt.is_main, pt.priority, pt.source_label
                FROM project_themes pt LEFT JOIN theme_moves m ON m.old_id = pt.theme_id
                WHERE pt.theme_id IN (SELECT old_id FROM theme_moves)
                   OR (pt.project_id, pt.theme_id) IN (SELECT p.project_id, m.new_id FROM project_themes p JOIN theme_moves m ON m.old_id = p.theme_id);
            DELETE FROM project_themes pt USING moved_project_themes x
                WHERE pt.project_id = x.project_id AND (pt.theme_id = x.theme_id OR pt.theme_id IN (SELECT old_id FROM theme_moves WHERE new_id = x.theme_id));
            INSERT INTO project_themes (project_id, theme_id, is_main, priority, source_label)
                SELECT project_id, theme_id, bool_or(is_main),
                       CASE WHEN bool_or(is_main) THEN NULL ELSE min(priority) END,
                       left(string_agg(DISTINCT source_label, '{ThemeSourceLabel.Separator}'), {ThemeSourceLabel.MaxLength})
                FROM moved_project_themes GROUP BY project_id, theme_id;

            CREATE TEMP TABLE moved_partnership_themes ON COMMIT DROP AS
                SELECT pt.partnership_id, coalesce(m.new_id, pt.theme_id) AS theme_id, pt.source_label
                FROM partnership_themes pt LEFT JOIN theme_moves m ON m.old_id = pt.theme_id
                WHERE pt.theme_id IN (SELECT old_id FROM theme_moves)
                   OR (pt.partnership_id, pt.theme_id) IN (SELECT p.partnership_id, m.new_id FROM partnership_themes p JOIN theme_moves m ON m.old_id = p.theme_id);
            DELETE FROM partnership_themes pt USING moved_partnership_themes x
                WHERE pt.partnership_id = x.partnership_id AND (pt.theme_id = x.theme_id OR pt.theme_id IN (SELECT old_id FROM theme_moves WHERE new_id = x.theme_id));
            INSERT INTO partnership_themes (partnership_id, theme_id, source_label)
                SELECT partnership_id, theme_id, left(string_agg(DISTINCT source_label, '{ThemeSourceLabel.Separator}'), {ThemeSourceLabel.MaxLength})
                FROM moved_partnership_themes GROUP BY partnership_id, theme_id;

            SELECT DISTINCT project_id FROM moved_project_themes;
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter("old", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = oldIds });
            command.Parameters.Add(new NpgsqlParameter("new", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = newIds });
            // Every project of a generated database at scale 100 may have to move: no request's timeout applies.
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) projects.Add(reader.GetInt32(0));
        }
        // The moved partnerships' filter rows (migration 0025), as a save of their themes would refresh them.
        await using (var refresh = new NpgsqlCommand(
            "SELECT atlas_refresh_partnership_search(ARRAY(SELECT DISTINCT partnership_id FROM moved_partnership_themes))", connection, transaction))
        {
            refresh.CommandTimeout = 0;
            await refresh.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        return projects;
    }
}
