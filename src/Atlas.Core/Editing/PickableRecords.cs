namespace Atlas.Core.Editing;

/// <summary>
/// The existing records an edit form picks from (authorities, organisations), named as the picker names them: an authority with
/// its country, an organisation with its city. Found with the same Core lists as the API, so that a search means the same in both.
/// </summary>
public sealed class PickableRecords(AtlasDbContext db, AuthorityList authorities, OrganisationList organisations, ReferenceCatalog catalog)
{
    /// <summary>At most <paramref name="max"/> records whose name holds each word typed (accents ignored), by name.</summary>
    public async Task<IReadOnlyList<PickedRecord>> FindAsync(PickerList list, string text, int max, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        var request = new ListRequest("name", false, null, max);
        return list == PickerList.Authorities
            ? (await authorities.ListAsync(new AuthorityFilter { Query = text }, request, ct).ConfigureAwait(false)).Items
                .Select(a => new PickedRecord(a.Id, $"{a.Name} ({reference.CountryName(a.CountryCode)})")).ToList()
            : (await organisations.ListAsync(new OrganisationFilter { Query = text }, request, ct).ConfigureAwait(false)).Items
                .Select(o => new PickedRecord(o.Id, o.City is null ? o.Name : $"{o.Name} ({o.City})")).ToList();
    }

    /// <summary>The records of the given ids, named as the picker names them; an id that names none is kept, marked unknown.</summary>
    public async Task<IReadOnlyList<PickedRecord>> NamedAsync(PickerList list, IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        var names = list == PickerList.Authorities
            ? await db.LocalAuthorities.AsNoTracking().Where(a => wanted.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, a => $"{a.Name} ({reference.CountryName(a.CountryCode)})", ct).ConfigureAwait(false)
            : await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.City == null ? o.Name : $"{o.Name} ({o.City})", ct).ConfigureAwait(false);
        return wanted.Select(id => new PickedRecord(id, names.GetValueOrDefault(id)
            ?? $"n° {id.ToString(CultureInfo.InvariantCulture)} (introuvable)")).ToList();
    }
}
