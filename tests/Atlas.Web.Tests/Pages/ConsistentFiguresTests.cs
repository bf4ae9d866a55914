using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Atlas.Web.Tests.Pages;

/// <summary>
/// The figures the home page, /statistiques, the map and the API give agree with each other and with SQL written here over
/// the base tables: one definition of a partner country (France never is one) and one rule for a project going on.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class ConsistentFiguresTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A partner country: not France, with an authority in a partnership, or an authority or organisation in a project.
    private const string PartnerCountriesSql = """
        SELECT c.code::text FROM countries c
        WHERE c.code <> 'FR' AND (
            EXISTS (SELECT 1 FROM partnership_authorities pa JOIN partnerships p ON p.id = pa.partnership_id
                    JOIN local_authorities a ON a.id = pa.local_authority_id
                    WHERE p.deleted_at IS NULL AND a.country_code = c.code)
            OR EXISTS (SELECT 1 FROM project_participants pp JOIN projects pr ON pr.id = pp.project_id
                       LEFT JOIN local_authorities a ON a.id = pp.local_authority_id
                       LEFT JOIN organisations o ON o.id = pp.organisation_id
                       WHERE pr.deleted_at IS NULL AND pp.deleted_at IS NULL AND coalesce(a.country_code, o.country_code) = c.code))
        ORDER BY 1
        """;

    [Fact]
    public async Task France_is_never_a_partner_country_and_every_page_counts_the_same_partner_countries()
    {
        var expected = await QueryAsync(PartnerCountriesSql, r => r.GetString(0));
        Assert.True(expected.Count > 30, $"{expected.Count} partner countries");
        Assert.Contains("EG", expected); // a project, no partnership

        using var client = fixture.App.CreateApiClient();
        var stats = (await client.GetFromJsonAsync<JsonObject>("/api/v1/stats", Ct))!;
        Assert.Equal(expected.Count, stats["totals"]!["partnerCountries"]!.GetValue<int>());
        Assert.Equal(expected, stats["byCountry"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));

        var countries = (await client.GetFromJsonAsync<JsonObject>("/api/v1/countries?limit=100", Ct))!;
        Assert.Equal(expected, countries["items"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        var france = (await client.GetFromJsonAsync<JsonObject>("/api/v1/countries?all=true&q=France&limit=100", Ct))!["items"]!.AsArray()
            .Single(c => c!["code"]!.GetValue<string>() == "FR")!;
        Assert.Equal(0, france["partnershipCount"]!.GetValue<int>());
        Assert.Equal(0, france["projectCount"]!.GetValue<int>());

        var home = await fixture.App.GetDocumentAsync("/");
        Assert.StartsWith($"{expected.Count} ", home.Text("figure-countries"), StringComparison.Ordinal);
        Assert.DoesNotContain(home.QuerySelectorAll("[data-testid='country-link']"), a => a.GetAttribute("data-value") == "FR");

        var map = await fixture.App.GetDocumentAsync("/carte");
        var mapCodes = map.QuerySelectorAll("[data-testid='country-table'] tr[data-code]").Select(r => r.GetAttribute("data-code")!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, mapCodes);
    }

    [Fact]
    public async Task Each_partner_country_counts_the_partnerships_of_its_own_authorities()
    {
        var expected = (await QueryAsync("""
            SELECT a.country_code::text, count(DISTINCT pa.partnership_id)::int
            FROM partnership_authorities pa JOIN partnerships p ON p.id = pa.partnership_id JOIN local_authorities a ON a.id = pa.local_authority_id
            WHERE p.deleted_at IS NULL AND a.country_code <> 'FR'
            GROUP BY 1
            """, r => (Code: r.GetString(0), Count: r.GetInt32(1)))).ToDictionary(r => r.Code, r => r.Count);
        Assert.True(expected["MA"] > 40);

        using var client = fixture.App.CreateApiClient();
        var stats = (await client.GetFromJsonAsync<JsonObject>("/api/v1/stats", Ct))!;
        Assert.All(stats["byCountry"]!.AsArray(), c => Assert.Equal(expected.GetValueOrDefault(c!["code"]!.GetValue<string>()), c["partnershipCount"]!.GetValue<int>()));
        var countries = (await client.GetFromJsonAsync<JsonObject>("/api/v1/countries?limit=100", Ct))!;
        Assert.All(countries["items"]!.AsArray(), c => Assert.Equal(expected.GetValueOrDefault(c!["code"]!.GetValue<string>()), c["partnershipCount"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_project_goes_on_by_the_written_rule_in_the_API_and_on_the_statistics_page()
    {
        // The rule of docs/portal.md, written again here: started before the year, and either ending after it or, with no end
        // year, « en cours » and at most three years after its start.
        var expected = (await QueryAsync("""
            SELECT y::int, (SELECT count(*)::int FROM projects p
                       WHERE p.deleted_at IS NULL AND p.start_year < y
                         AND CASE WHEN p.end_year IS NOT NULL THEN y < p.end_year ELSE p.status = 'ongoing' AND y <= p.start_year + 3 END)
            FROM generate_series(1980, 2030) AS y
            """, r => (Year: r.GetInt32(0), Count: r.GetInt32(1)))).ToDictionary(r => r.Year, r => r.Count);

        using var client = fixture.App.CreateApiClient();
        var stats = (await client.GetFromJsonAsync<JsonObject>("/api/v1/stats", Ct))!;
        var activity = stats["activity"]!.AsArray().ToDictionary(a => a!["year"]!.GetValue<int>(), a => a!["ongoing"]!.GetValue<int>());
        Assert.True(activity.Count > 10);
        Assert.All(activity, a => Assert.Equal(expected[a.Key], a.Value));

        var csv = (await client.GetStringAsync("/statistiques/projets-par-annee.csv", Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => int.Parse(r[3], CultureInfo.InvariantCulture));
        Assert.Equal(activity, csv);

        // No longer flat: the projects the 2008 répertoire calls « en cours » stop counting three years after their start.
        Assert.True(activity[2015] < activity[2008], $"2008: {activity[2008]}, 2015: {activity[2015]}");
    }

    [Fact]
    public async Task A_completed_project_without_an_end_year_is_never_listed_as_going_on_since_its_start()
    {
        var completed = await QueryAsync(
            "SELECT id, start_year FROM projects WHERE deleted_at IS NULL AND status = 'completed' AND start_year IS NOT NULL AND end_year IS NULL ORDER BY id",
            r => (Id: r.GetInt32(0), Start: r.GetInt32(1)));
        Assert.NotEmpty(completed);
        foreach (var (id, start) in completed)
        {
            var partnership = await QueryAsync($"SELECT partnership_id FROM projects WHERE id = {id} AND partnership_id IS NOT NULL", r => r.GetInt32(0));
            if (partnership.Count == 0) continue;
            var page = await fixture.App.GetDocumentAsync($"/partenariats/{partnership[0]}");
            var card = page.QuerySelector($"[data-project-id='{id}']")!;
            Assert.DoesNotContain($"depuis {start}", card.TextContent, StringComparison.Ordinal);
            Assert.Contains($"commencé en {start}", card.TextContent, StringComparison.Ordinal);
        }
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(Ct)) rows.Add(read(reader));
        return rows;
    }
}
