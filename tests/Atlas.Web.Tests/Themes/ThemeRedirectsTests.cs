using System.Net;
using Atlas.Core.Themes;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Themes;

/// <summary>Addresses shared with a key of the former trees keep working: 301 to the same address with the key that replaced it.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class ThemeRedirectsTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every retired key of the crosswalk file, with the key that replaced it.</summary>
    public static TheoryData<string, string> RetiredKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in ThemeCrosswalk.BySourceKey.Values.Where(e => ThemeCrosswalk.Replacement(e.SourceKey) is not null))
            data.Add(entry.SourceKey, entry.TreeKey);
        return data;
    }

    [Theory]
    [MemberData(nameof(RetiredKeys))]
    public async Task Each_retired_key_redirects_301_to_its_new_key_on_pages_api_and_exports(string oldKey, string newKey)
    {
        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var o = Uri.EscapeDataString(oldKey);
        var n = Uri.EscapeDataString(newKey);
        (string From, string To)[] cases =
        [
            ($"/projets?pays=MA&theme={o}&statut=ongoing", $"/projets?pays=MA&theme={n}&statut=ongoing"),
            ($"/carte?theme={o}", $"/carte?theme={n}"),
            ($"/api/v1/projects?theme={o}&limit=5", $"/api/v1/projects?theme={n}&limit=5"),
            ($"/api/v1/partnerships?theme={o}", $"/api/v1/partnerships?theme={n}"),
            ($"/api/v1/exports/projects.csv?theme={o}", $"/api/v1/exports/projects.csv?theme={n}"),
            ($"/api/v1/themes/{oldKey}", $"/api/v1/themes/{newKey}"),
            ($"/thematiques/{oldKey}", $"/thematiques/{newKey}"),
        ];
        foreach (var (from, to) in cases)
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
            {
                using var response = await client.SendAsync(new HttpRequestMessage(method, from), Ct);
                Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{method} {from}: {(int)response.StatusCode}");
                Assert.Equal(to, response.Headers.Location?.OriginalString);
            }
        }
    }

    [Theory]
    [InlineData("developpement-urbain/eau-assainissement", "eau-assainissement")]
    [InlineData("culture", "culture-patrimoine")]
    [InlineData("culture-patrimoine/infrastructures-manifestations", "culture-patrimoine/lieux-evenements")]
    public async Task An_api_client_that_follows_the_redirect_gets_what_the_new_key_returns(string oldKey, string newKey)
    {
        var (viaOld, oldTotal) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/projects", $"theme={oldKey}");
        var (viaNew, newTotal) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/projects", $"theme={newKey}");
        Assert.NotEmpty(viaNew);
        Assert.Equal(viaNew, viaOld);
        Assert.Equal(newTotal, oldTotal);
    }

    [Fact]
    public async Task A_key_of_the_tree_is_not_redirected_and_a_posted_form_never_is()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var key in await db.Themes.Select(t => t.Key).ToListAsync(Ct))
        {
            using var response = await client.GetAsync($"/api/v1/projects?theme={Uri.EscapeDataString(key)}&limit=1", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{key}: {(int)response.StatusCode}");
        }
        using var post = await client.PostAsync("/projets?theme=culture", new FormUrlEncodedContent([]), Ct);
        Assert.NotEqual(HttpStatusCode.MovedPermanently, post.StatusCode);
    }
}
