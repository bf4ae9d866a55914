using Atlas.Core.Data;
using Atlas.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Countries;

public sealed record PartnershipSummary(int Id, string Title, PartnershipStatus Status, int? SignedYear, IReadOnlyList<LocalAuthority> Authorities, int ProjectCount);

public sealed record RegionPartners(string? RegionCode, string RegionName, IReadOnlyList<LocalAuthority> Authorities);

/// <summary>A partner country: its embassy and contacts, its partnerships and projects, and their French partners by region.</summary>
public sealed record CountryProfile(
    Country Country, IReadOnlyList<DiplomaticPost> Posts, IReadOnlyList<PartnershipSummary> Partnerships,
    IReadOnlyList<RegionPartners> FrenchPartnersByRegion, int ProjectCount);

public sealed class CountryProfileQuery(AtlasDbContext db)
{
    public async Task<CountryProfile?> GetAsync(string code, CancellationToken ct = default)
    {
        code = code.ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct).ConfigureAwait(false);
        if (country is null) return null;

        var posts = await db.DiplomaticPosts.AsNoTracking()
            .Include(p => p.Contacts.OrderBy(c => c.SortOrder))
            .Where(p => p.Countries.Any(c => c.CountryCode == code))
            .ToListAsync(ct).ConfigureAwait(false);

        var partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == code))
            .OrderBy(p => p.Title)
            .Select(p => new
            {
                p.Id, p.Title, p.Status, p.SignedYear,
                Authorities = p.Authorities.Select(a => a.LocalAuthority!).OrderBy(a => a.CountryCode == Domain.Countries.France ? 0 : 1).ThenBy(a => a.Name).ToList(),
                ProjectCount = p.Projects.Count,
            })
            .ToListAsync(ct).ConfigureAwait(false);

        var projectCount = await db.Projects.CountAsync(p => p.CountryCodes.Contains(code), ct).ConfigureAwait(false);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, ct).ConfigureAwait(false);

        var french = partnerships.SelectMany(p => p.Authorities).Where(a => a.IsFrench).DistinctBy(a => a.Id).ToList();
        var byRegion = french.GroupBy(a => a.RegionCode)
            .Select(g => new RegionPartners(g.Key, g.Key is null ? "Région non renseignée" : regions.GetValueOrDefault(g.Key, g.Key), g.OrderBy(a => a.Name).ToList()))
            .OrderBy(r => r.RegionName)
            .ToList();

        return new CountryProfile(
            country, posts,
            partnerships.Select(p => new PartnershipSummary(p.Id, p.Title, p.Status, p.SignedYear, p.Authorities, p.ProjectCount)).ToList(),
            byRegion, projectCount);
    }
}
