namespace Atlas.Core.Projects;

/// <summary>Which of the authorities and organisations a submission names exist, so that validators need no database.</summary>
public sealed record KnownRecords(IReadOnlySet<int> Authorities, IReadOnlySet<int> Organisations)
{
    public static readonly KnownRecords None = new(new HashSet<int>(), new HashSet<int>());

    public static Task<KnownRecords> LoadAsync(AtlasDbContext db, IEnumerable<FundingValues> fundings, CancellationToken ct = default)
    {
        var lines = fundings.ToList();
        return LoadAsync(db, lines.Select(f => f.FunderAuthorityId), lines.Select(f => f.FunderOrganisationId), ct);
    }

    /// <summary>Which of a project's funders and participants exist.</summary>
    public static Task<KnownRecords> LoadAsync(AtlasDbContext db, ProjectValues values, CancellationToken ct = default)
    {
        var participants = values.Participants ?? [];
        return LoadAsync(db, values.Fundings.Select(f => f.FunderAuthorityId).Concat(participants.Select(p => p.LocalAuthorityId)),
            values.Fundings.Select(f => f.FunderOrganisationId).Concat(participants.Select(p => p.OrganisationId)), ct);
    }

    public static async Task<KnownRecords> LoadAsync(AtlasDbContext db, IEnumerable<int?> authorities, IEnumerable<int?> organisations, CancellationToken ct = default)
    {
        var authorityIds = authorities.OfType<int>().Distinct().ToList();
        var organisationIds = organisations.OfType<int>().Distinct().ToList();
        HashSet<int> knownAuthorities = authorityIds.Count == 0 ? [] :
            await db.LocalAuthorities.Where(a => authorityIds.Contains(a.Id)).Select(a => a.Id).ToHashSetAsync(ct).ConfigureAwait(false);
        HashSet<int> knownOrganisations = organisationIds.Count == 0 ? [] :
            await db.Organisations.Where(o => organisationIds.Contains(o.Id)).Select(o => o.Id).ToHashSetAsync(ct).ConfigureAwait(false);
        return new KnownRecords(knownAuthorities, knownOrganisations);
    }
}
