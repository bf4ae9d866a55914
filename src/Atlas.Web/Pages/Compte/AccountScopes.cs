namespace Atlas.Web.Pages.Compte;

/// <summary>The embassies and authorities an account can be given, by name, as the account forms show them (Core's <see cref="AccountScopeQuery"/>).</summary>
public sealed class AccountScopes(AccountScopeQuery query)
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
        if (postId is { } post) return await query.PostNameAsync(post, ct);
        if (authorityId is { } authority) return await AuthorityNameAsync(authority, ct);
        return null;
    }

    public async Task<IReadOnlyList<FieldOption>> PostsAsync(CancellationToken ct) => Options(await query.PostsAsync(ct));

    public Task<bool> PostExistsAsync(int id, CancellationToken ct) => query.PostExistsAsync(id, ct);

    /// <summary>The authority's name with its kind and country, as an option reads: "Woippy (commune, France)".</summary>
    public Task<string?> AuthorityNameAsync(int id, CancellationToken ct) => query.AuthorityLabelAsync(id, ct);

    /// <summary>Authorities whose name holds every word typed, accents ignored.</summary>
    public async Task<List<FieldOption>> SearchAuthoritiesAsync(string text, CancellationToken ct) =>
        Options(await query.SearchAuthoritiesAsync(text, SearchLimit, ct));

    private static List<FieldOption> Options(IEnumerable<ScopeOption> options) =>
        options.Select(o => new FieldOption(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Label)).ToList();
}
