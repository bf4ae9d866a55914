namespace Atlas.Core.Editing;

/// <summary>The names of the authorities, organisations and partnerships that recorded fields refer to by id, deleted ones too.</summary>
internal static class HistoryNameLookup
{
    private static readonly string[] AuthorityFields = ["funderAuthorityId", "localAuthorityId"];
    private static readonly string[] OrganisationFields = ["funderOrganisationId", "organisationId"];
    private static readonly string[] PartnershipFields = ["partnershipId"];

    /// <summary>At most three small queries, whatever the number of fields; none for a kind no field names.</summary>
    public static async Task<HistoryNames> LoadAsync(AtlasDbContext db, IEnumerable<FieldChange> fields, CancellationToken ct)
    {
        var all = fields.ToList();
        var authorityIds = Ids(all, AuthorityFields);
        var organisationIds = Ids(all, OrganisationFields);
        var partnershipIds = Ids(all, PartnershipFields);
        var authorities = authorityIds.Count == 0 ? new Dictionary<int, string>() : await db.LocalAuthorities.IgnoreQueryFilters()
            .Where(a => authorityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct).ConfigureAwait(false);
        var organisations = organisationIds.Count == 0 ? new Dictionary<int, string>() : await db.Organisations.IgnoreQueryFilters()
            .Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct).ConfigureAwait(false);
        var partnerships = partnershipIds.Count == 0 ? new Dictionary<int, string>() : await db.Partnerships.IgnoreQueryFilters()
            .Where(p => partnershipIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct).ConfigureAwait(false);
        return HistoryNames.Of(authorities, organisations, partnerships);
    }

    private static List<int> Ids(List<FieldChange> fields, string[] names) => fields
        .Where(f => names.Contains(f.Field))
        .SelectMany(f => new[] { f.Old, f.New })
        .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
        .OfType<int>().Distinct().ToList();
}
