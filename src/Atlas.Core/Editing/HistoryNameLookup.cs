namespace Atlas.Core.Editing;

/// <summary>The names of the authorities, organisations and partnerships that recorded fields refer to by id, deleted ones too.</summary>
internal static class HistoryNameLookup
{
    private static readonly string[] AuthorityFields = ["funderAuthorityId", "localAuthorityId"];
    private static readonly string[] OrganisationFields = ["funderOrganisationId", "organisationId"];
    private static readonly string[] PartnershipFields = ["partnershipId"];

    /// <summary>At most three small queries, whatever the number of fields; none for a kind no field names.</summary>
    public static Task<HistoryNames> LoadAsync(AtlasDbContext db, IEnumerable<FieldChange> fields, CancellationToken ct)
    {
        var all = fields.ToList();
        return LoadAsync(db, Ids(all, AuthorityFields), Ids(all, OrganisationFields), Ids(all, PartnershipFields), ct);
    }

    /// <summary>The same names, for ids already read (a review's proposed lines and declared records).</summary>
    public static async Task<HistoryNames> LoadAsync(AtlasDbContext db, IEnumerable<int> authorities, IEnumerable<int> organisations,
        IEnumerable<int> partnerships, CancellationToken ct)
    {
        var authorityIds = authorities.Distinct().ToList();
        var organisationIds = organisations.Distinct().ToList();
        var partnershipIds = partnerships.Distinct().ToList();
        var authorityNames = authorityIds.Count == 0 ? new Dictionary<int, string>() : await db.LocalAuthorities.IgnoreQueryFilters()
            .Where(a => authorityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct).ConfigureAwait(false);
        var organisationNames = organisationIds.Count == 0 ? new Dictionary<int, string>() : await db.Organisations.IgnoreQueryFilters()
            .Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct).ConfigureAwait(false);
        var partnershipTitles = partnershipIds.Count == 0 ? new Dictionary<int, string>() : await db.Partnerships.IgnoreQueryFilters()
            .Where(p => partnershipIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct).ConfigureAwait(false);
        return HistoryNames.Of(authorityNames, organisationNames, partnershipTitles);
    }

    private static List<int> Ids(List<FieldChange> fields, string[] names) => fields
        .Where(f => names.Contains(f.Field))
        .SelectMany(f => new[] { f.Old, f.New })
        .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
        .OfType<int>().Distinct().ToList();
}
