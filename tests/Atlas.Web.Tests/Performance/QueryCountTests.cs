using Atlas.Core.Data;
using Atlas.Tools.Synthetic;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Performance;

/// <summary>
/// No N+1: each public page and API answer runs a small, fixed number of SQL commands, the same on the demo data as on a
/// synthetic atlas several times its size (output cache off, so that every request reaches the database).
/// </summary>
public sealed class QueryCountTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The URLs measured, with the commands each runs today (searches, project lists and filtered maps send the setting of
    /// their plans with each query, in the same command: see StatementSettings):
    /// home, statistics, unfiltered map: the one read of the stored counts; a filtered map: the stored counts, the sample
    /// count, its counts; a project's record: one statement; a partnership's record: the partnership with the date of its last edit, its
    /// authorities, its themes, its contacts (split queries), its projects and their authorities; a country: itself, its posts, its page of partnerships and the stored counts (which hold its figures); the directories
    /// of authorities and partnerships: with a name or a filter the stored counts do not hold, the sample, then the count,
    /// the page (with its partnerships' authorities and project counts), one per select some other filter narrows (fewer
    /// when the sample says a set is too large to count, and estimates it), and one read of the stored counts for all those
    /// no other filter narrows; those of countries and themes: the stored counts; a search: the sample, the count, the page, its
    /// authorities, each facet (fewer when the sample says a set is too
    /// large to count, and estimates it); with no filter: the stored counts, the page, its authorities; the API's project list: the count (the sample, and the exact count when the sample says it is small, in one statement), the page, its authorities.
    /// </summary>
    private static readonly (string Url, int Max)[] Reads =
    [
        ("/", 1),
        ("/statistiques", 1),
        ("/statistiques/pays.csv", 1),
        ("/api/v1/stats", 1),
        ("/carte", 1),
        ("/carte?niveau=departements", 1),
        ("/carte?theme=developpement-urbain", 6),
        ("/projets", 3),
        ("/projets?q=eau&theme=developpement-urbain", 6),
        ("/projets/{project}", 1),
        ("/collectivites/{authority}", 3),
        ("/partenariats/{partnership}", 6),
        ("/pays/MA", 4),
        ("/pays/MA?page=2", 4),
        ("/collectivites", 3),
        ("/collectivites?pays=FR&tri=partenariats", 3),
        ("/collectivites?q=saint", 7),
        ("/pays", 1),
        ("/pays?tri=projets", 1),
        ("/partenariats", 5),
        ("/partenariats?tri=signature", 5),
        ("/partenariats?pays=MA", 4),
        ("/partenariats?q=saint", 8),
        ("/partenariats?theme=environnement", 8),
        ("/thematiques", 1),
        ("/api/v1/projects?limit=20", 3),
        ("/api/v1/projects?q=eau&limit=50", 3),
        ("/api/v1/projects/{project}", 1),
        ("/api/v1/authorities?limit=50", 2),
        ("/api/v1/partnerships?limit=50", 4),
    ];

    [Fact]
    public async Task Each_read_runs_the_same_few_commands_whatever_the_size_of_the_data()
    {
        var demo = await database.CreateDemoDatabaseAsync();
        var synthetic = await database.CreateDemoDatabaseAsync();
        await new SyntheticAtlas(synthetic).GenerateAsync(new SyntheticOptions(0.2, Force: true), null, Ct);

        var onDemo = await CountAsync(demo);
        var onSynthetic = await CountAsync(synthetic);

        var wrong = Reads.Where(r => onDemo[r.Url] is < 1 || onDemo[r.Url] > r.Max || onSynthetic[r.Url] != onDemo[r.Url])
            .Select(r => $"{r.Url}: {onDemo[r.Url]} commands on the demo data, {onSynthetic[r.Url]} on the synthetic data, at most {r.Max}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static async Task<Dictionary<string, int>> CountAsync(string connectionString)
    {
        var counter = new SqlCommandLog();
        await using var app = new AtlasApp(connectionString, new Dictionary<string, string> { ["Atlas:OutputCache:Enabled"] = "false" });
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(
            s => s.ConfigureDbContext<AtlasDbContext>(o => o.AddInterceptors(counter))));
        using var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        int project, authority, partnership;
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            // The busiest project and authority: the most related rows, where an N+1 would show.
            project = await db.Projects.OrderByDescending(p => p.Participants.Count + p.Fundings.Count + p.Themes.Count).ThenBy(p => p.Id)
                .Select(p => p.Id).FirstAsync(Ct);
            authority = await db.LocalAuthorities.OrderByDescending(a => db.ProjectParticipants.Count(pp => pp.LocalAuthorityId == a.Id)).ThenBy(a => a.Id)
                .Select(a => a.Id).FirstAsync(Ct);
            partnership = await db.Partnerships.OrderByDescending(p => db.Projects.Count(pr => pr.PartnershipId == p.Id) + p.Authorities.Count + p.Themes.Count + p.Contacts.Count)
                .ThenBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (url, _) in Reads)
        {
            var target = url.Replace("{project}", project.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{authority}", authority.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{partnership}", partnership.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            (await client.GetAsync(target, Ct)).Dispose(); // warm: reference data, data version
            var before = counter.Count;
            using var response = await client.GetAsync(target, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            counts[url] = counter.Count - before;
        }
        return counts;
    }
}
