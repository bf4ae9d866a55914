using Atlas.Core.Data;
using Atlas.Core.Figures;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Countries;

public sealed class CountryProfileQuery(AtlasDbContext db, ReferenceCatalog catalog, CountSnapshots snapshots)
{
    public const string NoRegion = "Région non renseignée";

    /// <summary>
    /// A country's profile in a fixed number of commands, each bounded by the page or a count: a page of partnerships in
    /// title order, and the first partners of each region by name.
    /// </summary>
    public async Task<CountryProfile?> GetAsync(string code, CountryProfilePage page, CancellationToken ct = default)
    {
        code = code.ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct).ConfigureAwait(false);
        if (country is null) return null;

        var posts = await db.DiplomaticPosts.AsNoTracking()
            .Include(p => p.Contacts.OrderBy(c => c.SortOrder))
            .Where(p => p.Countries.Any(c => c.CountryCode == code))
            .ToListAsync(ct).ConfigureAwait(false);

        var ofCountry = db.Partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == code));
        var partnerships = await ofCountry.AsNoTracking()
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Skip(page.Offset).Take(page.Size)
            .Select(p => new PartnershipSummary(p.Id, p.Title, p.Status, p.SignedYear,
                p.Authorities.Select(a => a.LocalAuthority!).OrderBy(a => a.CountryCode == CountryCodes.France ? 0 : 1).ThenBy(a => a.Name).ToList(),
                p.Projects.Count))
            .ToListAsync(ct).ConfigureAwait(false);

        // A partner country's figures are among the stored counts (a few hundred ms each to count for a busy country at
        // scale 100); France's are not (it is no partner country of the counts).
        int partnershipCount, projectCount;
        if (code != CountryCodes.France)
        {
            var stored = await snapshots.GetAsync(ct).ConfigureAwait(false);
            partnershipCount = stored.PartnershipsByCountry.GetValueOrDefault(code);
            projectCount = stored.ProjectsByCountry.GetValueOrDefault(code);
        }
        else
        {
            partnershipCount = await ofCountry.CountAsync(ct).ConfigureAwait(false);
            projectCount = await db.Projects.CountAsync(ArrayColumns.Holds<Project, string>(p => p.CountryCodes, code), ct).ConfigureAwait(false);
        }

        var french = db.LocalAuthorities.AsNoTracking().Where(a => a.CountryCode == CountryCodes.France
            && a.Partnerships.Any(pa => pa.Partnership!.Authorities.Any(o => o.LocalAuthority!.CountryCode == code)));
        var counts = await french.GroupBy(a => new { a.RegionCode, DepartmentRegion = a.Department!.RegionCode })
            .Select(g => new { g.Key.RegionCode, g.Key.DepartmentRegion, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        var firsts = await french.GroupBy(a => a.RegionCode)
            .Select(g => g.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(page.PartnersPerRegion).ToList())
            .ToListAsync(ct).ConfigureAwait(false);
        var regions = (await catalog.GetAsync(ct).ConfigureAwait(false)).Regions;

        var byRegion = firsts.Where(g => g.Count > 0)
            .Select(g =>
            {
                var region = g[0].RegionCode;
                return new RegionPartners(region, region is null ? NoRegion : regions.GetValueOrDefault(region, region), g,
                    counts.Where(c => c.RegionCode == region).Sum(c => c.Count));
            })
            .OrderBy(r => r.RegionName)
            .ToList();
        var perMapRegion = counts.Where(c => (c.RegionCode ?? c.DepartmentRegion) is not null)
            .GroupBy(c => (c.RegionCode ?? c.DepartmentRegion)!)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

        return new CountryProfile(country, posts, partnerships, partnershipCount, byRegion, perMapRegion, projectCount);
    }
}
