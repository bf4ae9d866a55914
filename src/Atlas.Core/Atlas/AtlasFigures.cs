using Atlas.Core.Data;
using Atlas.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Atlas;

public sealed record CountryCount(string Code, string Name, int Projects, int Partnerships);

/// <summary>The atlas's key figures for the home page, computed from the database.</summary>
public sealed record AtlasFigures(int Projects, int Partnerships, int FrenchAuthorities, int ForeignAuthorities, int Countries, IReadOnlyList<CountryCount> ByCountry);

public sealed class AtlasFiguresQuery(AtlasDbContext db)
{
    public async Task<AtlasFigures> GetAsync(CancellationToken ct = default)
    {
        var projects = await db.Projects.CountAsync(ct).ConfigureAwait(false);
        var partnerships = await db.Partnerships.CountAsync(ct).ConfigureAwait(false);
        var involved = db.LocalAuthorities.Where(a => a.Partnerships.Any());
        var french = await involved.CountAsync(a => a.CountryCode == Domain.Countries.France, ct).ConfigureAwait(false);
        var foreign = await involved.CountAsync(a => a.CountryCode != Domain.Countries.France, ct).ConfigureAwait(false);

        var partnershipsByCountry = await Geography.PartnershipsByCountry.CountAsync(db, ct).ConfigureAwait(false);
        var projectsByCountry = await db.Projects.SelectMany(p => p.CountryCodes).GroupBy(c => c)
            .Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Code, x => x.Count, ct).ConfigureAwait(false);
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct).ConfigureAwait(false);

        var byCountry = partnershipsByCountry
            .Select(c => new CountryCount(c.Key, names.GetValueOrDefault(c.Key, c.Key), projectsByCountry.GetValueOrDefault(c.Key), c.Value))
            .OrderByDescending(c => c.Partnerships).ThenBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .ToList();
        return new AtlasFigures(projects, partnerships, french, foreign, byCountry.Count, byCountry);
    }
}
