using Atlas.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Editing;

/// <summary>Which of the authorities and organisations a submission names exist, so that validators need no database.</summary>
public sealed record KnownRecords(IReadOnlySet<int> Authorities, IReadOnlySet<int> Organisations)
{
    public static readonly KnownRecords None = new(new HashSet<int>(), new HashSet<int>());

    public static async Task<KnownRecords> LoadAsync(AtlasDbContext db, IEnumerable<FundingValues> fundings, CancellationToken ct = default)
    {
        var lines = fundings.ToList();
        var authorityIds = lines.Select(f => f.FunderAuthorityId).OfType<int>().Distinct().ToList();
        var organisationIds = lines.Select(f => f.FunderOrganisationId).OfType<int>().Distinct().ToList();
        HashSet<int> authorities = authorityIds.Count == 0 ? [] :
            await db.LocalAuthorities.Where(a => authorityIds.Contains(a.Id)).Select(a => a.Id).ToHashSetAsync(ct).ConfigureAwait(false);
        HashSet<int> organisations = organisationIds.Count == 0 ? [] :
            await db.Organisations.Where(o => organisationIds.Contains(o.Id)).Select(o => o.Id).ToHashSetAsync(ct).ConfigureAwait(false);
        return new KnownRecords(authorities, organisations);
    }
}
