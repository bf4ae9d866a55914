using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class DiplomaticPostsApiTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("sort=-id")]
    [InlineData("sort=name")]
    [InlineData("sort=-name")]
    public async Task Walking_every_page_returns_total_distinct_posts(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        using var client = fixture.App.CreateApiClient();
        var (items, total) = await ApiLists.WalkAsync(client, "/api/v1/diplomatic-posts", query, limit: 1);
        Assert.Equal(await db.DiplomaticPosts.CountAsync(Ct), total);
        Assert.True(total > 1);
        Assert.Equal(total, ApiLists.Ids(items).Distinct().Count());

        var keys = query.Contains("name", StringComparison.Ordinal)
            ? items.Select(i => i["name"]!.GetValue<string>()).ToList()
            : items.Select(i => i["id"]!.GetValue<int>().ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var descending = query.Contains('-', StringComparison.Ordinal);
        Assert.Equal(descending ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal), keys);
    }

    [Theory]
    [InlineData("MA")]
    [InlineData("lb")]
    [InlineData("FR")]
    public async Task The_country_filter_keeps_the_posts_following_it(string country)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var code = country.ToUpperInvariant();
        var expected = await db.DiplomaticPosts.Where(p => p.Countries.Any(c => c.CountryCode == code)).Select(p => p.Id).ToListAsync(Ct);
        using var client = fixture.App.CreateApiClient();
        var (items, total) = await ApiLists.WalkAsync(client, "/api/v1/diplomatic-posts", $"country={country}", limit: 10);
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected.Order(), ApiLists.Ids(items).Order());
        Assert.All(items, i => Assert.Contains(code, i["countries"]!.AsArray().Select(c => c!["code"]!.GetValue<string>())));
    }

    [Fact]
    public async Task The_Rabat_post_follows_Morocco_with_its_contacts_and_no_email()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var id = await db.DiplomaticPosts.Where(p => p.Key == "ambassade-rabat").Select(p => p.Id).SingleAsync(Ct);
        using var client = fixture.App.CreateApiClient();
        var post = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/diplomatic-posts/{id}", Ct))!;

        Assert.Equal(id, post["id"]!.GetValue<int>());
        Assert.Equal("Ambassade de France à Rabat", post["name"]!.GetValue<string>());
        Assert.Equal("Rabat", post["city"]!.GetValue<string>());
        var morocco = Assert.Single(post["countries"]!.AsArray())!;
        Assert.Equal("MA", morocco["code"]!.GetValue<string>());
        Assert.Equal("Maroc", morocco["name"]!.GetValue<string>());
        Assert.Equal("/pays/MA", morocco["url"]!.GetValue<string>());
        Assert.Equal("/api/v1/countries/MA", morocco["apiUrl"]!.GetValue<string>());
        var contacts = post["contacts"]!.AsArray();
        Assert.Equal(["correspondent", "cocac"], contacts.Select(c => c!["role"]!.GetValue<string>()));
        Assert.Equal("Frédérick BOUIN", contacts[0]!["name"]!.GetValue<string>());
        Assert.Equal("Correspondant coopération décentralisée", contacts[0]!["function"]!.GetValue<string>());
        Assert.DoesNotContain("@", post.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal($"/api/v1/diplomatic-posts/{id}", post["apiUrl"]!.GetValue<string>());

        var (items, _) = await ApiLists.WalkAsync(client, "/api/v1/diplomatic-posts", "", limit: 100);
        Assert.Equal(post.ToJsonString(), items.Single(i => i["id"]!.GetValue<int>() == id).ToJsonString());
    }

    [Fact]
    public Task An_unknown_post_is_a_404_problem() =>
        ApiLists.AssertNotFoundAsync(fixture.App, "/api/v1/diplomatic-posts/999999");

    [Theory]
    [InlineData("country=ZZ", "country")]
    [InlineData("country=MAR", "country")]
    [InlineData("sort=city", "sort")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("contry=MA", "contry")]
    public Task Bad_parameters_get_a_problem_naming_them(string query, string parameter) =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/diplomatic-posts?{query}", parameter);

    [Fact]
    public Task A_cursor_keeps_its_sort() =>
        ApiLists.AssertCursorRefusedAsync(fixture.App, "/api/v1/diplomatic-posts", "sort=name&limit=1", "sort=-name&limit=1");
}
