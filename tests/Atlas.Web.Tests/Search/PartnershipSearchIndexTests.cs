using Atlas.Core.Data;
using Atlas.Core.Partnerships;
using Atlas.Core.Reference;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Search;

/// <summary>
/// The partnerships' narrow rows (migration 0025) are those the records give, after the demo load and after saves that
/// change a partnership, its authorities, its themes, an authority's name or its deletion; and a filter read on them finds
/// what PartnershipList.Filtered finds on the records (the API's and the exports' lists).
/// </summary>
public sealed class PartnershipSearchIndexTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PartnershipFilter[] Filters =
    [
        new(),
        new() { Query = "saint" },
        new() { Query = "oujda" },
        new() { Query = "fes" },
        new() { Country = "MA" },
        new() { Country = "FR" },
        new() { Region = "93" },
        new() { Department = "13" },
        new() { Theme = "environnement" },
        new() { Status = PartnershipStatus.Unknown, Country = "DE" },
        new() { Country = "MA", SignedFrom = 1990, SignedTo = 2005 },
        new() { Query = "commune", Region = "44", Status = PartnershipStatus.Active },
    ];

    [Fact]
    public async Task The_rows_follow_the_saves_and_a_filter_on_them_finds_what_it_finds_on_the_records()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await using var app = new AtlasApp(connectionString);
        using var scope = app.Services.CreateScope();
        var reference = await scope.ServiceProvider.GetRequiredService<ReferenceCatalog>().GetAsync(Ct);
        await using var db = TestDatabase.CreateContext(connectionString);
        await AssertCurrentAsync(db, reference, "after the demo load");

        // A partnership given another authority and theme; an authority renamed; a partnership deleted; a new one.
        var edited = await db.Partnerships.Include(p => p.Authorities).Include(p => p.Themes).OrderBy(p => p.Id).FirstAsync(Ct);
        var other = await db.LocalAuthorities.Where(a => a.CountryCode == "DE").OrderBy(a => a.Id).FirstAsync(Ct);
        edited.Authorities.Add(new PartnershipAuthority { LocalAuthorityId = other.Id });
        edited.Themes.Add(new PartnershipTheme { ThemeId = reference.ThemesByKey["environnement"].Id });
        edited.Status = PartnershipStatus.Suspended;
        await db.SaveChangesAsync(Ct);
        var renamed = await db.LocalAuthorities.SingleAsync(a => a.Key == "ma-commune-oujda", Ct);
        renamed.Name = "Commune de Saint-Oujda";
        await db.SaveChangesAsync(Ct);
        var deleted = await db.Partnerships.OrderByDescending(p => p.Id).FirstAsync(Ct);
        deleted.DeletedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(Ct);
        db.Partnerships.Add(new Partnership
        {
            Title = "Saint-Nouveau – Fès", Status = PartnershipStatus.Planned,
            Authorities = [new PartnershipAuthority { LocalAuthorityId = other.Id }],
        });
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        Assert.False(await db.PartnershipSearch.AnyAsync(e => e.PartnershipId == deleted.Id, Ct));
        Assert.Contains(other.Id, await db.PartnershipSearch.Where(e => e.PartnershipId == edited.Id).Select(e => e.AuthorityIds).SingleAsync(Ct));
        await AssertCurrentAsync(db, reference, "after the saves");
    }

    private static async Task AssertCurrentAsync(AtlasDbContext db, ReferenceCatalog.Snapshot reference, string when)
    {
        // Recomputing every row finds nothing to write: the saves kept them.
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>(
            """SELECT atlas_refresh_partnership_search(ARRAY(SELECT id FROM partnerships)) AS "Value" """).SingleAsync(Ct));
        foreach (var filter in Filters)
        {
            var onRecords = await PartnershipList.Filtered(db, filter, reference).Select(p => p.Id).Order().ToListAsync(Ct);
            var onRows = await PartnershipSearchIndex.Filtered(db, filter, reference).Select(e => e.PartnershipId).Order().ToListAsync(Ct);
            Assert.True(onRecords.SequenceEqual(onRows), $"{when}, {filter}: {onRecords.Count} partnerships on the records, {onRows.Count} on the rows");
        }
        Assert.NotEmpty(await PartnershipSearchIndex.Filtered(db, new PartnershipFilter { Query = "saint" }, reference).ToListAsync(Ct));
    }
}
