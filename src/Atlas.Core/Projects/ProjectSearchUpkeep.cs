namespace Atlas.Core.Projects;

/// <summary>
/// The projects whose search documents (<see cref="ProjectSearchIndex"/>) a save changes, found from what the save tracks: a
/// project's text or partnership; its participants and themes; its partnership's title, domains and authorities; the name or
/// place of an authority, the name of an organisation, the name or place in the tree of a theme it carries. Collected before
/// the save (what changed is only known then), read once saved (new records only have their keys then) and refreshed in the
/// save's transaction by <see cref="AtlasDbContext"/>.
/// </summary>
public sealed class ProjectSearchUpkeep
{
    // The projects of partnerships, authorities, organisations and themes, read from the stored search columns (their GIN
    // indexes answer && as they answer the filters) and from participants for organisations, which have no column.
    private const string AffectedSql = """
        SELECT id FROM projects
        WHERE id = ANY(@projects) OR partnership_id = ANY(@partnerships) OR authority_ids && @authorities OR theme_ids && @themes
        UNION
        SELECT project_id FROM project_participants WHERE organisation_id = ANY(@organisations)
        """;

    private static readonly string[] ParticipantLinks =
        [nameof(ProjectParticipant.LocalAuthorityId), nameof(ProjectParticipant.OrganisationId), nameof(ProjectParticipant.DeletedAt)];
    private static readonly string[] AuthorityPlace =
    [
        nameof(LocalAuthority.Name), nameof(LocalAuthority.AlternateNames), nameof(LocalAuthority.CountryCode), nameof(LocalAuthority.RegionCode), nameof(LocalAuthority.DepartmentCode),
    ];
    private static readonly string[] OrganisationName = [nameof(Organisation.Name)];
    private static readonly string[] ThemePlace = [nameof(Theme.Name), nameof(Theme.ParentId)];

    private readonly List<object> _touched;

    private ProjectSearchUpkeep(List<object> touched) => _touched = touched;

    /// <summary>What the pending save touches of the search documents; null when nothing (the save then costs no command more).</summary>
    public static ProjectSearchUpkeep? Collect(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var touched = tracker.Entries().Where(Touches).Select(e => e.Entity).ToList();
        return touched.Count == 0 ? null : new ProjectSearchUpkeep(touched);
    }

    private static bool Touches(EntityEntry entry) => entry.State switch
    {
        // A new authority, organisation or theme is in no project yet.
        EntityState.Added or EntityState.Deleted => entry.Entity is Project or ProjectParticipant or ProjectTheme or PartnershipAuthority,
        // Any change of a project or a partnership: a field added to the search document later needs no list kept here (every
        // project save refreshed before, and a refresh that finds the columns right writes no row).
        EntityState.Modified => entry.Entity switch
        {
            Project or Partnership => true,
            ProjectParticipant => Changed(entry, ParticipantLinks),
            LocalAuthority => Changed(entry, AuthorityPlace),
            Organisation => Changed(entry, OrganisationName),
            Theme => Changed(entry, ThemePlace),
            _ => false,
        },
        _ => false,
    };

    private static bool Changed(EntityEntry entry, string[] properties) => properties.Any(p => entry.Property(p).IsModified);

    public async Task RefreshAsync(AtlasDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (projects, others) = Keys();
        if (others is not null)
        {
            await using var command = AffectedCommand(db, projects, others.Value);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            projects = [];
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) projects.Add(reader.GetInt32(0));
        }
        // An UPDATE of no row still fires the data-version triggers, making every cache stale: none when no project is concerned.
        if (projects.Count > 0) await ProjectSearchIndex.RefreshAsync(db, projects, ct).ConfigureAwait(false);
    }

    public void Refresh(AtlasDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (projects, others) = Keys();
        if (others is not null)
        {
            using var command = AffectedCommand(db, projects, others.Value);
            using var reader = command.ExecuteReader();
            projects = [];
            while (reader.Read()) projects.Add(reader.GetInt32(0));
        }
        if (projects.Count > 0) ProjectSearchIndex.Refresh(db, projects);
    }

    /// <summary>The projects touched themselves, and the other records whose projects are to be found (null when none).</summary>
    private (HashSet<int> Projects, (int[] Partnerships, int[] Authorities, int[] Organisations, int[] Themes)? Others) Keys()
    {
        var projects = new HashSet<int>();
        List<int> partnerships = [], authorities = [], organisations = [], themes = [];
        foreach (var entity in _touched)
        {
            switch (entity)
            {
                case Project p: projects.Add(p.Id); break;
                case ProjectParticipant p: projects.Add(p.ProjectId); break;
                case ProjectTheme t: projects.Add(t.ProjectId); break;
                case Partnership p: partnerships.Add(p.Id); break;
                case PartnershipAuthority a: partnerships.Add(a.PartnershipId); break;
                case LocalAuthority a: authorities.Add(a.Id); break;
                case Organisation o: organisations.Add(o.Id); break;
                case Theme t: themes.Add(t.Id); break;
            }
        }
        return partnerships.Count + authorities.Count + organisations.Count + themes.Count == 0
            ? (projects, null)
            : (projects, ([.. partnerships.Distinct()], [.. authorities.Distinct()], [.. organisations.Distinct()], [.. themes.Distinct()]));
    }

    private static NpgsqlCommand AffectedCommand(AtlasDbContext db, HashSet<int> projects, (int[] Partnerships, int[] Authorities, int[] Organisations, int[] Themes) others)
    {
        // The save has opened the connection and, in AtlasDbContext, a transaction.
        var command = new NpgsqlCommand(AffectedSql, (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<int[]>("projects", [.. projects]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("partnerships", others.Partnerships));
        command.Parameters.Add(new NpgsqlParameter<int[]>("authorities", others.Authorities));
        command.Parameters.Add(new NpgsqlParameter<int[]>("organisations", others.Organisations));
        command.Parameters.Add(new NpgsqlParameter<int[]>("themes", others.Themes));
        return command;
    }
}
