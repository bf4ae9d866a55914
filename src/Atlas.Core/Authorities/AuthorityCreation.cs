namespace Atlas.Core.Authorities;

/// <summary>
/// Creates local authorities: an administrator anywhere; a correspondent in a country of their post (never in France, whose
/// authorities no post covers). The record is published at once and its creation is in the history.
/// </summary>
public sealed class AuthorityCreation(AtlasDbContext db, ReferenceCatalog catalog, TimeProvider clock)
{
    public Task<EditResult> CreateAsync(Editor editor, NewAuthority authority, CancellationToken ct = default) => db.WriteAsync<EditResult>(editor, authority, async () =>
    {
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        var country = authority.CountryCode?.Trim().ToUpperInvariant();
        authority.CountryCode = string.IsNullOrEmpty(country) ? null : country;
        if (country is not null && !await MayCreateInAsync(editor, country, ct).ConfigureAwait(false)) return new EditResult.Forbidden();

        var name = authority.Values.Name?.Trim() ?? "";
        var taken = name.Length > 0 && await db.LocalAuthorities.AnyAsync(a => a.CountryCode == country
            && AtlasDbFunctions.Unaccent(a.Name.ToLower()) == AtlasDbFunctions.Unaccent(name.ToLower()), ct).ConfigureAwait(false);
        var validation = await new NewAuthorityValidator(reference, taken).ValidateAsync(authority, ct).ConfigureAwait(false);
        if (!validation.IsValid) return EditResult.Invalid.Of(validation.Errors);

        var department = EditingRules.Trimmed(authority.DepartmentCode);
        var record = new LocalAuthority
        {
            Name = "",
            CountryCode = country!,
            DepartmentCode = department,
            RegionCode = EditingRules.Trimmed(authority.RegionCode) ?? (department is null ? null : reference.Departments[department].RegionCode),
            UpdatedAt = clock.GetUtcNow(),
        };
        AuthorityEditing.Apply(record, authority.Values);
        db.LocalAuthorities.Add(record);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var version = await db.LocalAuthorities.Where(a => a.Id == record.Id).Select(a => a.Version).SingleAsync(ct).ConfigureAwait(false);
        return new EditResult.Created(record.Id, version);
    });

    /// <summary>The countries the editor may add an authority in: all for an administrator, their post's for a correspondent, none for others.</summary>
    public async Task<IReadOnlyList<string>> CountriesAsync(Editor editor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        return editor.Role == EditorRole.Administrator
            ? (await catalog.GetAsync(ct).ConfigureAwait(false)).Countries.Keys.ToList()
            : await db.DiplomaticPostCountries.Where(pc => pc.DiplomaticPostId == editor.DiplomaticPostId && editor.Role == EditorRole.Correspondent)
                .Select(pc => pc.CountryCode).ToListAsync(ct).ConfigureAwait(false);
    }

    public async Task<bool> MayCreateInAsync(Editor editor, string countryCode, CancellationToken ct = default) => editor.Role switch
    {
        EditorRole.Administrator => true,
        EditorRole.Correspondent when countryCode != CountryCodes.France => await db.DiplomaticPostCountries
            .AnyAsync(pc => pc.DiplomaticPostId == editor.DiplomaticPostId && pc.CountryCode == countryCode, ct).ConfigureAwait(false),
        _ => false,
    };

}
