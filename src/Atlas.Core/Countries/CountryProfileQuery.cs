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

        var posts = await PostsAsync(code, ct).ConfigureAwait(false);
        var ofCountry = db.Partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == code));
        var partnerships = await ofCountry.AsNoTracking()
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Skip(page.Offset).Take(page.Size)
            .Select(p => new PartnershipSummary(p.Id, p.Title, p.Status, p.SignedYear,
                p.Authorities.Select(a => a.LocalAuthority!).OrderBy(a => a.CountryCode == CountryCodes.France ? 0 : 1).ThenBy(a => a.Name).ToList(),
                p.Projects.Count))
            .ToListAsync(ct).ConfigureAwait(false);

        var (partnershipCount, projectCount) = await CountsAsync(code, ofCountry, ct).ConfigureAwait(false);

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

    /// <summary>
    /// A partner country's page in four commands whatever its size (five when its table is filtered, to count the matches):
    /// the country, its posts, one page of its partnerships as <paramref name="filter"/> asks, and the stored counts, which
    /// hold its figures, its French partners counted per place and its partnerships counted per theme of their own. France's
    /// page counts the last two (and its figures) in commands of their own.
    /// </summary>
    public async Task<CountrySummary?> GetSummaryAsync(string code, CountryPartnershipFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        code = code.ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct).ConfigureAwait(false);
        if (country is null) return null;

        var posts = await PostsAsync(code, ct).ConfigureAwait(false);
        var ofCountry = db.Partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == code));
        var matching = ofCountry;
        if (filter.Status is { } status) matching = matching.Where(p => p.Status == status);
        if (filter.RegionCode is { } region)
        {
            matching = matching.Where(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == CountryCodes.France
                && (a.LocalAuthority.RegionCode == region || a.LocalAuthority.Department!.RegionCode == region)));
        }
        if (filter.ThemeIds is { } themes) matching = matching.Where(p => p.Themes.Any(t => themes.Contains(t.ThemeId)));

        var ordered = filter.Sort switch
        {
            CountryPartnershipSort.French => matching.OrderBy(p => p.Authorities.Where(a => a.LocalAuthority!.CountryCode == CountryCodes.France).Min(a => a.LocalAuthority!.Name)),
            CountryPartnershipSort.Foreign => matching.OrderBy(p => p.Authorities.Where(a => a.LocalAuthority!.CountryCode != CountryCodes.France).Min(a => a.LocalAuthority!.Name)),
            CountryPartnershipSort.Projects => matching.OrderByDescending(p => p.Projects.Count),
            CountryPartnershipSort.Signed => matching.OrderBy(p => p.SignedYear == null).ThenByDescending(p => p.SignedYear),
            _ => matching.OrderBy(p => p.Title),
        };
        if (filter.Sort != CountryPartnershipSort.Title) ordered = ordered.ThenBy(p => p.Title);
        var rows = await ordered.ThenBy(p => p.Id).AsNoTracking()
            .Skip(filter.Offset).Take(filter.Size)
            .Select(p => new CountryPartnershipRow(p.Id, p.Title, p.Status, p.SignedYear,
                p.Authorities.Where(a => a.LocalAuthority!.CountryCode == CountryCodes.France).OrderBy(a => a.LocalAuthority!.Name)
                    .Select(a => new NamedRecord(a.LocalAuthorityId, a.LocalAuthority!.Name)).ToList(),
                p.Authorities.Where(a => a.LocalAuthority!.CountryCode != CountryCodes.France).OrderBy(a => a.LocalAuthority!.Name)
                    .Select(a => new NamedRecord(a.LocalAuthorityId, a.LocalAuthority!.Name)).ToList(),
                p.Themes.OrderBy(t => t.ThemeId).Select(t => t.ThemeId).ToList(),
                p.Projects.Count))
            .ToListAsync(ct).ConfigureAwait(false);

        var matchingCount = filter.IsFiltered ? await matching.CountAsync(ct).ConfigureAwait(false) : -1;
        int partnershipCount, projectCount;
        List<CountryPartnerPlace> counts;
        List<KeyValuePair<int, int>> themeCounts;
        if (code != CountryCodes.France)
        {
            // A partner country's figures, where in France its partners are and its themes are among the stored counts: at
            // scale 100 the last two were 2.7 s and 2.4 s of SQL for Senegal on every request (85,000 partnerships walked).
            var stored = await snapshots.GetAsync(ct).ConfigureAwait(false);
            partnershipCount = stored.PartnershipsByCountry.GetValueOrDefault(code);
            projectCount = stored.ProjectsByCountry.GetValueOrDefault(code);
            counts = stored.FrenchPartnerPlaces.Where(c => c.Country == code).ToList();
            themeCounts = stored.PartnershipThemesByCountry.Where(t => t.Country == code).Select(t => KeyValuePair.Create(t.ThemeId, t.Count)).ToList();
        }
        else
        {
            // France is no partner country of the stored counts: its page counts.
            (partnershipCount, projectCount) = await CountsAsync(code, ofCountry, ct).ConfigureAwait(false);
            var french = db.LocalAuthorities.AsNoTracking().Where(a => a.CountryCode == CountryCodes.France
                && a.Partnerships.Any(pa => pa.Partnership!.Authorities.Any(o => o.LocalAuthority!.CountryCode == code)));
            counts = await french.GroupBy(a => new { a.RegionCode, a.DepartmentCode, DepartmentRegion = a.Department!.RegionCode })
                .Select(g => new CountryPartnerPlace(code, g.Key.RegionCode, g.Key.DepartmentCode, g.Key.DepartmentRegion, g.Count()))
                .ToListAsync(ct).ConfigureAwait(false);
            themeCounts = await db.PartnershipThemes.Where(t => ofCountry.Any(p => p.Id == t.PartnershipId))
                .GroupBy(t => t.ThemeId).Select(g => new { g.Key, Count = g.Count() })
                .Select(x => KeyValuePair.Create(x.Key, x.Count))
                .ToListAsync(ct).ConfigureAwait(false);
        }
        if (matchingCount < 0) matchingCount = partnershipCount;

        var byRegion = counts.Where(c => (c.Region ?? c.DepartmentRegion) is not null)
            .GroupBy(c => (c.Region ?? c.DepartmentRegion)!).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var byDepartment = counts.Where(c => c.Department is not null)
            .GroupBy(c => c.Department!).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return new CountrySummary(country, posts, partnershipCount, projectCount,
            themeCounts.OrderByDescending(t => t.Value).ThenBy(t => t.Key).ToList(),
            counts.Sum(c => c.Count), byRegion, byDepartment, rows, matchingCount);
    }

    /// <summary>The French embassies following the country, with their contacts in order: the profile and the summary show them alike.</summary>
    private Task<List<DiplomaticPosts.DiplomaticPost>> PostsAsync(string code, CancellationToken ct) =>
        db.DiplomaticPosts.AsNoTracking()
            .Include(p => p.Contacts.OrderBy(c => c.SortOrder))
            .Where(p => p.Countries.Any(c => c.CountryCode == code))
            .ToListAsync(ct);

    /// <summary>The country's numbers of partnerships and projects, for the profile and the summary alike.</summary>
    private async Task<(int Partnerships, int Projects)> CountsAsync(string code, IQueryable<Partnerships.Partnership> ofCountry, CancellationToken ct)
    {
        // A partner country's figures are among the stored counts (a few hundred ms each to count for a busy country at
        // scale 100); France's are not (it is no partner country of the counts).
        if (code != CountryCodes.France)
        {
            var stored = await snapshots.GetAsync(ct).ConfigureAwait(false);
            return (stored.PartnershipsByCountry.GetValueOrDefault(code), stored.ProjectsByCountry.GetValueOrDefault(code));
        }
        return (await ofCountry.CountAsync(ct).ConfigureAwait(false),
            await db.Projects.CountAsync(ArrayColumns.Holds<Project, string>(p => p.CountryCodes, code), ct).ConfigureAwait(false));
    }
}
