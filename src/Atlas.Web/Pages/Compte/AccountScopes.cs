using Atlas.Core.Accounts;
using Atlas.Core.Data;
using Atlas.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Pages.Compte;

/// <summary>The embassies and authorities an account can be given, by name.</summary>
public sealed class AccountScopes(AtlasDbContext db)
{
    public const int SearchLimit = 30;

    /// <summary>"Administrateur", "Correspondant … – Ambassade de France à Rabat", "Éditeur … – Woippy".</summary>
    public async Task<string> DescribeAsync(EditorRole role, int? postId, int? authorityId, CancellationToken ct)
    {
        var scope = await NameAsync(postId, authorityId, ct);
        return scope is null ? AccountLabels.Role(role) : $"{AccountLabels.Role(role)} – {scope}";
    }

    public async Task<string?> NameAsync(int? postId, int? authorityId, CancellationToken ct)
    {
        if (postId is { } post) return await db.DiplomaticPosts.Where(p => p.Id == post).Select(p => p.Name).SingleOrDefaultAsync(ct);
        if (authorityId is { } authority) return await AuthorityNameAsync(authority, ct);
        return null;
    }

    public async Task<IReadOnlyList<FieldOption>> PostsAsync(CancellationToken ct) =>
        (await db.DiplomaticPosts.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
        .Select(p => new FieldOption(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name)).ToList();

    public Task<bool> PostExistsAsync(int id, CancellationToken ct) => db.DiplomaticPosts.AnyAsync(p => p.Id == id, ct);

    /// <summary>The authority's name with its kind and country, as an option reads: "Woippy (commune, France)".</summary>
    public async Task<string?> AuthorityNameAsync(int id, CancellationToken ct) =>
        (await Options(db.LocalAuthorities.Where(a => a.Id == id), ct)).SingleOrDefault()?.Label;

    /// <summary>Authorities whose name holds every word typed, accents ignored.</summary>
    public Task<List<FieldOption>> SearchAuthoritiesAsync(string query, CancellationToken ct) =>
        Options(Core.Authorities.AuthorityList.Filtered(db, new Core.Authorities.AuthorityFilter { Query = query })
            .OrderBy(a => a.Name).ThenBy(a => a.Id).Take(SearchLimit), ct);

    private static async Task<List<FieldOption>> Options(IQueryable<Core.Authorities.LocalAuthority> authorities, CancellationToken ct) =>
        (await authorities.AsNoTracking().Select(a => new { a.Id, a.Name, a.Kind, Country = a.Country!.Name }).ToListAsync(ct))
        .Select(a => new FieldOption(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{a.Name} ({Core.Labels.Kind(a.Kind).ToLowerInvariant()}, {a.Country})"))
        .ToList();
}
