using System.Text.Json;
using Atlas.Core.Data.Seeding;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Atlas.Web.Tests.Data;

/// <summary>The demo dataset in the database is exactly what the curated files hold, and loading it again changes nothing.</summary>
public sealed class DemoDataTests(TestDatabase database)
{
    // Every partnership of the 2008 répertoire's table of contents (Marseille's chapter holds four), its annex, and the two atlas records.
    public static readonly string[] SourcePartnerships =
    [
        "aix-en-provence--oujda", "ajaccio--marrakech", "belfort--mohammedia", "bordeaux--casablanca", "boulogne-sur-mer--safi",
        "caudebec-les-elbeuf--souk-el-khemis", "cleon--souk-el-khemis", "clermont-ferrand--marrakech", "la-croix-valmer--souk-sebt",
        "la-rochelle--essaouira", "mantes-la-jolie--rabat", "marseille--rabat", "marseille--meknes", "marseille--marrakech", "marseille--fes",
        "maxeville--imouzzer-du-kandar", "montereau-fault-yonne--safi", "montreuil--agadir", "nimes--meknes", "paris--rabat", "poitiers--azrou",
        "romans--taroudannt", "saint-denis--tiznit", "saint-etienne--fes", "sete--el-jadida", "stains--figuig", "strasbourg--fes",
        "tours--marrakech", "vienne--tiflet", "lyon--rabat", "nantes--agadir", "allier--tiflet", "herault--souss-massa-draa",
        "isere--tadla-azilal", "loire-atlantique--agadir", "seine-saint-denis--figuig", "aquitaine--souss-massa-draa",
        "bourgogne--marrakech-meknes", "champagne-ardenne--oriental", "franche-comte--ouarzazate", "lorraine--fes-boulemane",
        "midi-pyrenees--marrakech-tensift-al-haouz", "nord-pas-de-calais--doukkala-abda", "provence-alpes-cote-d-azur--tanger-tetouan",
        "rhone-alpes--rabat-sale-zemmour-zaer",
        "clichy-la-garenne--agadir", "maubeuge--ouarzazate", "montpellier--fes", "saint-germain-en-laye--temara", "woippy--sale",
        "provence-alpes-cote-d-azur--tyr",
        // Listed by the répertoire among Rabat's partnerships « en projet ».
        "dijon--rabat",
    ];

    [Fact]
    public async Task Every_partnership_of_the_sources_is_loaded_with_both_sides()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateDemoDatabaseAsync());
        var loaded = await db.Partnerships
            .Where(p => SourcePartnerships.Contains(p.Key!))
            .Select(p => new { p.Key, French = p.Authorities.Count(a => a.LocalAuthority!.CountryCode == "FR"), Foreign = p.Authorities.Count(a => a.LocalAuthority!.CountryCode != "FR") })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SourcePartnerships.Order(), loaded.Select(p => p.Key!).Order());
        Assert.All(loaded, p => Assert.True(p.French >= 1 && p.Foreign >= 1, $"{p.Key} lacks a side"));
    }

    [Fact]
    public async Task Counts_in_the_database_match_the_curated_files()
    {
        var files = DemoFiles();
        var partnerships = files.SelectMany(f => Array(f, "partnerships")).ToList();
        // Projects inside partnerships, and those of no partnership (the i-jumelage action).
        var projects = partnerships.SelectMany(p => Array(p, "projects")).Concat(files.SelectMany(f => Array(f, "projects"))).ToList();
        var expected = new
        {
            Partnerships = partnerships.Select(p => p.GetProperty("key").GetString()).Distinct().Count(),
            Projects = projects.Select(p => p.GetProperty("key").GetString()).Distinct().Count(),
            Authorities = files.SelectMany(f => Array(f, "authorities")).Select(a => a.GetProperty("key").GetString()).Distinct().Count(),
            Organisations = files.SelectMany(f => Array(f, "organisations")).Select(a => a.GetProperty("key").GetString()).Distinct().Count(),
            Fundings = projects.Sum(p => Array(p, "fundings").Count()),
        };

        await using var db = TestDatabase.CreateContext(await database.CreateDemoDatabaseAsync());
        var ct = TestContext.Current.CancellationToken;
        var actual = new
        {
            Partnerships = await db.Partnerships.CountAsync(ct),
            Projects = await db.Projects.CountAsync(ct),
            Authorities = await db.LocalAuthorities.CountAsync(ct),
            Organisations = await db.Organisations.CountAsync(ct),
            Fundings = await db.Fundings.CountAsync(ct),
        };
        Assert.Equal(expected, actual);
        Assert.True(actual.Partnerships > 100 && actual.Projects > 150, $"{actual}");
    }

    [Fact]
    public async Task Loading_again_adds_and_changes_nothing()
    {
        var connection = await database.CreateDemoDatabaseAsync();
        await using var db = TestDatabase.CreateContext(connection);
        var ct = TestContext.Current.CancellationToken;
        var before = await SnapshotAsync(db, ct);

        var result = await new DemoDataLoader(db, NullLogger<DemoDataLoader>.Instance).LoadAsync(includeDemo: true, ct);

        Assert.False(result.AddedAnything);
        Assert.Equal(before, await SnapshotAsync(db, ct));
    }

    [Fact]
    public async Task Refreshing_search_columns_that_are_right_touches_no_row()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateDemoDatabaseAsync());
        // A touched row would get a new version and make every open edit form of it stale.
        Assert.Equal(0, await Atlas.Core.Projects.ProjectSearchIndex.RefreshAsync(db, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_tyr_record_keeps_its_funding_lines_with_currency_and_year()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateDemoDatabaseAsync());
        var fundings = await db.Fundings.Where(f => f.Project!.Key == "provence-alpes-cote-d-azur--tyr--digitalcoop")
            .OrderBy(f => f.SortOrder)
            .Select(f => new { Funder = f.FunderAuthority != null ? f.FunderAuthority.Name : f.FunderOrganisation!.Name, f.Amount, f.CurrencyCode, f.WaterLawAmount, f.Year })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, fundings.Count);
        Assert.Contains(fundings, f => f.Funder == "Ministère de l'Europe et des Affaires étrangères" && f.Amount == 123500m && f.CurrencyCode == "EUR" && f.Year == 2012);
        Assert.Contains(fundings, f => f.Amount == 0m && f.WaterLawAmount == 0m && f.Year == 2012);
    }

    [Fact]
    public async Task Dirham_budgets_keep_their_currency()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateDemoDatabaseAsync());
        var oujda = await db.Fundings.Where(f => f.Project!.Partnership!.Key == "aix-en-provence--oujda" && f.CurrencyCode == "MAD")
            .Select(f => f.Amount).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(994690m, oujda);
    }

    private static async Task<string> SnapshotAsync(Atlas.Core.Data.AtlasDbContext db, CancellationToken ct) => string.Join('|',
        await db.Countries.CountAsync(ct), await db.Themes.CountAsync(ct), await db.LocalAuthorities.CountAsync(ct),
        await db.Organisations.CountAsync(ct), await db.Partnerships.CountAsync(ct), await db.Projects.CountAsync(ct),
        await db.Fundings.CountAsync(ct), await db.Contacts.CountAsync(ct), await db.ProjectParticipants.CountAsync(ct),
        await db.Projects.SumAsync(p => (long)p.SearchText.Length, ct));

    private static List<JsonElement> DemoFiles()
    {
        var assembly = typeof(DemoDataLoader).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Atlas.Demo.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Where(n => n is not ("Atlas.Demo.themes.json" or "Atlas.Demo.posts.json" or "Atlas.Demo.synthesis-themes.json"))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonDocument.Parse(stream).RootElement.Clone();
            })
            .ToList();
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
}
