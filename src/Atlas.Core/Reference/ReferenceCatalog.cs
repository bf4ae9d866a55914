using System.Collections.Frozen;

namespace Atlas.Core.Reference;

/// <summary>
/// Countries, French regions and départements, currencies and the theme tree, read once and kept in memory: every
/// search validates its filters against them and every page names codes with them. Reloaded after <see cref="Lifetime"/>
/// so that every web instance sees a change made through another one.
/// </summary>
public sealed class ReferenceCatalog(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Snapshot? _snapshot;

    public sealed class Snapshot
    {
        public required FrozenDictionary<string, string> Countries { get; init; }
        public required FrozenDictionary<string, string> Regions { get; init; }
        public required FrozenDictionary<string, (string Name, string RegionCode)> Departments { get; init; }
        public required FrozenDictionary<string, string> Currencies { get; init; }
        public required FrozenDictionary<int, ThemeNode> ThemesById { get; init; }
        public required FrozenDictionary<string, ThemeNode> ThemesByKey { get; init; }
        public required DateTimeOffset LoadedAt { get; init; }

        public string CountryName(string code) => Countries.GetValueOrDefault(code, code);

        public IEnumerable<ThemeNode> ThemePath(int themeId)
        {
            var path = new List<ThemeNode>();
            for (var node = ThemesById.GetValueOrDefault(themeId); node is not null; node = node.ParentId is { } p ? ThemesById.GetValueOrDefault(p) : null)
                path.Insert(0, node);
            return path;
        }

        public IEnumerable<ThemeNode> Children(int? parentId) =>
            ThemesById.Values.Where(t => t.ParentId == parentId).OrderBy(t => t.SortOrder);
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < Lifetime) return current;
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_snapshot is not null && clock.GetUtcNow() - _snapshot.LoadedAt < Lifetime) return _snapshot;
            _snapshot = await LoadAsync(ct).ConfigureAwait(false);
            return _snapshot;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var themes = await db.Themes.AsNoTracking()
            .Select(t => new ThemeNode(t.Id, t.Key, t.Name, t.Level, t.ParentId, t.SortOrder)).ToListAsync(ct).ConfigureAwait(false);
        return new Snapshot
        {
            Countries = (await db.Countries.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToFrozenDictionary(c => c.Code, c => c.Name),
            Regions = (await db.Regions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToFrozenDictionary(r => r.Code, r => r.Name),
            Departments = (await db.Departments.AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
                .ToFrozenDictionary(d => d.Code, d => (d.Name, d.RegionCode)),
            Currencies = (await db.Currencies.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToFrozenDictionary(c => c.Code, c => c.Name),
            ThemesById = themes.ToFrozenDictionary(t => t.Id),
            ThemesByKey = themes.ToFrozenDictionary(t => t.Key, StringComparer.OrdinalIgnoreCase),
            LoadedAt = clock.GetUtcNow(),
        };
    }
}
