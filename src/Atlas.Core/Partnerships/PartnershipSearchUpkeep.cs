namespace Atlas.Core.Partnerships;

/// <summary>
/// The partnerships whose narrow rows (<see cref="PartnershipSearchIndex"/>) a save changes, found from what the save tracks:
/// a partnership added, changed, deleted or restored; its authorities and themes; the names or place of an authority.
/// Collected before the save (what changed is only known then), read once saved (new records only have their keys then)
/// and refreshed in the save's transaction by <see cref="AtlasDbContext"/>, in one command.
/// </summary>
public sealed class PartnershipSearchUpkeep
{
    private static readonly string[] AuthorityPlace =
    [
        nameof(LocalAuthority.Name), nameof(LocalAuthority.AlternateNames), nameof(LocalAuthority.CountryCode), nameof(LocalAuthority.RegionCode), nameof(LocalAuthority.DepartmentCode),
    ];

    private readonly List<object> _touched;

    private PartnershipSearchUpkeep(List<object> touched) => _touched = touched;

    /// <summary>What the pending save touches of the rows; null when nothing (the save then costs no command more).</summary>
    public static PartnershipSearchUpkeep? Collect(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var touched = tracker.Entries().Where(Touches).Select(e => e.Entity).ToList();
        return touched.Count == 0 ? null : new PartnershipSearchUpkeep(touched);
    }

    private static bool Touches(EntityEntry entry) => entry.State switch
    {
        // A deleted partnership's row goes with it (the foreign key cascades); its links' deletion leaves it nothing to refresh.
        EntityState.Added => entry.Entity is Partnership or PartnershipAuthority or PartnershipTheme,
        EntityState.Deleted => entry.Entity is PartnershipAuthority or PartnershipTheme,
        // Any change of a partnership (its status, year, title, or deletion and restoration): a refresh that finds the row right writes nothing.
        EntityState.Modified => entry.Entity switch
        {
            Partnership or PartnershipAuthority or PartnershipTheme => true,
            LocalAuthority => AuthorityPlace.Any(p => entry.Property(p).IsModified),
            _ => false,
        },
        _ => false,
    };

    public Task RefreshAsync(AtlasDbContext db, CancellationToken ct)
    {
        var (partnerships, authorities) = Keys();
        return PartnershipSearchIndex.RefreshAsync(db, partnerships, authorities, ct);
    }

    public void Refresh(AtlasDbContext db)
    {
        var (partnerships, authorities) = Keys();
        PartnershipSearchIndex.Refresh(db, partnerships, authorities);
    }

    private (List<int> Partnerships, List<int> Authorities) Keys()
    {
        List<int> partnerships = [], authorities = [];
        foreach (var entity in _touched)
        {
            switch (entity)
            {
                case Partnership p: partnerships.Add(p.Id); break;
                case PartnershipAuthority a: partnerships.Add(a.PartnershipId); break;
                case PartnershipTheme t: partnerships.Add(t.PartnershipId); break;
                case LocalAuthority a: authorities.Add(a.Id); break;
            }
        }
        return (partnerships, authorities);
    }
}
