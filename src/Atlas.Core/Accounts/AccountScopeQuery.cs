namespace Atlas.Core.Accounts;

/// <summary>The accounts as the administrators list them, and the embassies and authorities an account can be given, by name.</summary>
public sealed class AccountScopeQuery(AtlasDbContext db)
{
    /// <summary>Every account, the disabled last, by name, with the name of its post or authority.</summary>
    public async Task<IReadOnlyList<AccountRow>> AccountsAsync(DateTimeOffset now, CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .OrderBy(u => u.IsDisabled).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new AccountRow(u.Id, u.DisplayName, u.Email, u.Role,
                db.DiplomaticPosts.Where(p => p.Id == u.DiplomaticPostId).Select(p => p.Name).FirstOrDefault()
                    ?? db.LocalAuthorities.Where(a => a.Id == u.LocalAuthorityId).Select(a => a.Name).FirstOrDefault(),
                u.IsDisabled, u.TwoFactorEnabled, u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(ct).ConfigureAwait(false);

    public Task<string?> PostNameAsync(int id, CancellationToken ct) =>
        db.DiplomaticPosts.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ScopeOption>> PostsAsync(CancellationToken ct) =>
        await db.DiplomaticPosts.AsNoTracking().OrderBy(p => p.Name).Select(p => new ScopeOption(p.Id, p.Name)).ToListAsync(ct).ConfigureAwait(false);

    public Task<bool> PostExistsAsync(int id, CancellationToken ct) => db.DiplomaticPosts.AnyAsync(p => p.Id == id, ct);

    /// <summary>The authority's name with its kind and country, as an option reads: "Woippy (commune, France)".</summary>
    public async Task<string?> AuthorityLabelAsync(int id, CancellationToken ct) =>
        (await Options(db.LocalAuthorities.Where(a => a.Id == id), ct).ConfigureAwait(false)).SingleOrDefault()?.Label;

    /// <summary>At most <paramref name="limit"/> authorities whose name holds every word typed, accents ignored, by name.</summary>
    public Task<IReadOnlyList<ScopeOption>> SearchAuthoritiesAsync(string query, int limit, CancellationToken ct) =>
        Options(AuthorityList.Filtered(db, new AuthorityFilter { Query = query }).OrderBy(a => a.Name).ThenBy(a => a.Id).Take(limit), ct);

    private static async Task<IReadOnlyList<ScopeOption>> Options(IQueryable<LocalAuthority> authorities, CancellationToken ct) =>
        (await authorities.AsNoTracking().Select(a => new { a.Id, a.Name, a.Kind, Country = a.Country!.Name }).ToListAsync(ct).ConfigureAwait(false))
        .Select(a => new ScopeOption(a.Id, $"{a.Name} ({Labels.Kind(a.Kind).ToLowerInvariant()}, {a.Country})"))
        .ToList();
}
