using System.Globalization;
using Atlas.Tools.Synthetic;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Npgsql;

namespace Atlas.Web.Tests.Performance;

/// <summary>
/// A directory search of more records than are counted exactly (Atlas:Search:ExactCountLimit, 20,000 by default, 1,000
/// here) is estimated from its sample bucket (id % 64) and says « environ », near the count the base tables give; on a
/// synthetic atlas of the ministry's scale (13,800 authorities, 8,200 partnerships).
/// </summary>
public sealed class DirectoryEstimateTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int CountLimit = 1_000;

    [Fact]
    public async Task Large_name_searches_and_filters_are_estimated_near_the_base_tables_count()
    {
        var connection = await database.CreateDemoDatabaseAsync();
        await new SyntheticAtlas(connection).GenerateAsync(new SyntheticOptions(1, Force: true), null, Ct);
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(Ct);

        // The synthetic names are mostly one word each: the most common start of a word, two letters (a search word matches the
        // start of a word), names the most authorities.
        var word = await ScalarAsync<string>(conn, """
            SELECT p FROM (SELECT DISTINCT id, left(w, 2) AS p
                           FROM (SELECT id, regexp_split_to_table(lower(atlas_unaccent(name)), '[^a-z0-9]+') AS w FROM local_authorities) s
                           WHERE w ~ '^[a-z]{2}') t
            GROUP BY p ORDER BY count(*) DESC, p LIMIT 1
            """);
        var authorities = await ScalarAsync<long>(conn,
            $"SELECT count(*) FROM local_authorities WHERE deleted_at IS NULL AND atlas_authority_names(name, alternate_names) ~* '\\m{word}'");
        var signedSince2000 = await ScalarAsync<long>(conn, "SELECT count(*) FROM partnerships WHERE deleted_at IS NULL AND signed_year >= 2000");
        Assert.True(authorities > 2 * CountLimit, $"« {word} » names {authorities} authorities: too few to need an estimate");
        Assert.True(signedSince2000 > 2 * CountLimit, $"{signedSince2000} partnerships signed since 2000: too few to need an estimate");

        await using var app = new AtlasApp(connection, new Dictionary<string, string>
        {
            ["Atlas:OutputCache:Enabled"] = "false",
            ["Atlas:Search:ExactCountLimit"] = CountLimit.ToString(CultureInfo.InvariantCulture),
        });
        foreach (var (url, expected, noun) in new[]
        {
            ($"/collectivites?q={word}", authorities, "collectivités"),
            ("/partenariats?de=2000", signedSince2000, "partenariats"),
        })
        {
            var doc = await app.GetDocumentAsync(url);
            var heading = doc.QuerySelector("[data-testid='result-count']")!.TextContent.Trim();
            Assert.StartsWith("Environ ", heading, StringComparison.Ordinal);
            Assert.EndsWith(" " + noun, heading, StringComparison.Ordinal);
            var shown = int.Parse(new string(heading.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
            // One record in 64 read: a few dozen here, whose share is right to within a quarter (the data are generated
            // from a fixed seed, so the figure is the same at each run).
            Assert.InRange((double)shown, expected * 0.75, expected * 1.25);
            Assert.NotNull(doc.QuerySelector("[data-testid='large-result']"));
            Assert.Contains(doc.QuerySelectorAll("option[data-estimated='true']"), o => o.TextContent.Contains("environ", StringComparison.Ordinal));
            Assert.NotEmpty(doc.QuerySelectorAll("[data-testid='result-item']"));
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
