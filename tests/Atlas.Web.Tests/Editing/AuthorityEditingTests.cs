using System.Globalization;
using Atlas.Core.Accounts;
using Atlas.Core.Authorities;
using Atlas.Core.Editing;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>Editing a local authority's own record: scope, rules, history, conflicts, search columns, on a real database.</summary>
public sealed class AuthorityEditingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correspondent_saves_an_authority_and_the_history_keeps_old_and_new_values()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadAsync(h, h.Sale);
        var oldPopulation = values.Population;
        values.Population = 123_456;
        values.PopulationYear = 2024;
        values.LeaderTitle = "Président du conseil communal";

        var saved = Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.RabatCorrespondent, h.Sale, version, values));
        Assert.NotEqual(version, saved.Version);

        var history = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>()
            .OfRecordAsync(RecordedTypes.NameOf<LocalAuthority>(), h.Sale.ToString(CultureInfo.InvariantCulture), Ct));
        var record = Assert.Single(history);
        Assert.Equal(("Rachid Rabat", ChangeAction.Updated, (long?)version), (record.UserName, record.Action, record.FromVersion));
        var population = Assert.Single(record.Changes, c => c.Field == "population");
        Assert.Equal((oldPopulation?.ToString(CultureInfo.InvariantCulture), "123456"), (population.Old, population.New));
        Assert.Contains(record.Changes, c => c.Field == "leaderTitle" && c.New == "Président du conseil communal");
        Assert.DoesNotContain(record.Changes, c => c.Field is "version" or "updatedAt");
    }

    [Fact]
    public async Task Rules_are_told_field_by_field_in_French_with_English_texts()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadAsync(h, h.Woippy);
        values.Name = " ";
        values.Kind = "canton";
        values.Population = -1;
        values.PopulationYear = 1799;
        values.Website = "www.woippy.fr";
        values.InseeCode = "5775";
        values.Siren = "12345678X";

        var invalid = Assert.IsType<EditResult.Invalid>(await SaveAsync(h, h.Administrator, h.Woippy, version, values));
        Assert.Equal("Indiquez le nom de la collectivité.", Assert.Single(invalid.Errors["Name"]).Message);
        Assert.Equal("unknown_kind", Assert.Single(invalid.Errors["Kind"]).Code);
        Assert.Equal("population_negative", Assert.Single(invalid.Errors["Population"]).Code);
        Assert.Equal("population_year_out_of_range", Assert.Single(invalid.Errors["PopulationYear"]).Code);
        Assert.Equal("invalid_website", Assert.Single(invalid.Errors["Website"]).Code);
        Assert.Equal("invalid_insee_code", Assert.Single(invalid.Errors["InseeCode"]).Code);
        Assert.Equal("invalid_siren", Assert.Single(invalid.Errors["Siren"]).Code);
        Assert.All(invalid.Errors.Values.SelectMany(e => e), e => Assert.NotEqual(e.Code, e.English));

        // INSEE code and SIREN are French authorities' only; 2A/2B are Corsican INSEE codes.
        var (sale, saleVersion) = await LoadAsync(h, h.Sale);
        sale.InseeCode = "2A004";
        sale.Siren = "215707518";
        var foreign = Assert.IsType<EditResult.Invalid>(await SaveAsync(h, h.Administrator, h.Sale, saleVersion, sale));
        Assert.Equal(["InseeCode", "Siren"], foreign.Errors.Keys.Order(StringComparer.Ordinal));

        (values, version) = await LoadAsync(h, h.Woippy);
        values.InseeCode = "2A004";
        values.Siren = "215707518";
        values.Website = "https://www.woippy.fr";
        Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.Administrator, h.Woippy, version, values));
    }

    [Fact]
    public async Task Two_saves_of_one_version_give_one_conflict_naming_what_changed()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (first, version) = await LoadAsync(h, h.Sale);
        var (second, _) = await LoadAsync(h, h.Sale);
        first.LeaderName = "Premier";
        second.LeaderName = "Second";

        var results = await Task.WhenAll(
            SaveAsync(h, h.RabatCorrespondent, h.Sale, version, first),
            SaveAsync(h, h.Administrator, h.Sale, version, second));
        Assert.Single(results.OfType<EditResult.Saved>());
        var conflict = Assert.Single(results.OfType<EditResult.Conflict>());
        Assert.Contains(conflict.Changes, c => c.Field == "leaderName");
        Assert.NotEqual(version, conflict.CurrentVersion);
    }

    [Fact]
    public async Task An_authority_editor_edits_their_own_authority_only()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (woippy, version) = await LoadAsync(h, h.Woippy);
        woippy.LeaderName = "Nouvelle maire";
        Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.WoippyEditor, h.Woippy, version, woippy));

        var (sale, saleVersion) = await LoadAsync(h, h.Sale);
        var before = await SnapshotAsync(h, h.Sale);
        sale.LeaderName = "Détourné";
        Assert.IsType<EditResult.Forbidden>(await SaveAsync(h, h.WoippyEditor, h.Sale, saleVersion, sale));
        Assert.IsType<EditResult.Forbidden>(await SaveAsync(h, h.BeirutCorrespondent, h.Sale, saleVersion, sale));
        Assert.Equal(before, await SnapshotAsync(h, h.Sale));
        Assert.IsType<EditResult.NotFound>(await SaveAsync(h, h.Administrator, int.MaxValue, saleVersion, sale));
    }

    [Fact]
    public async Task Renaming_an_authority_makes_its_projects_found_by_the_new_name()
    {
        await using var h = await EditingHarness.StartAsync(database);
        const string name = "Zarbalonville";
        Assert.Empty(await SearchAsync(h, name));

        var (values, version) = await LoadAsync(h, h.Sale);
        values.Name = name;
        Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.RabatCorrespondent, h.Sale, version, values));

        Assert.Contains(h.WoippySaleProject, await SearchAsync(h, name));
    }

    private static async Task<(AuthorityValues Values, uint Version)> LoadAsync(EditingHarness h, int id)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var authority = await db.LocalAuthorities.AsNoTracking().Include(a => a.Contacts).SingleAsync(a => a.Id == id, Ct);
        return (AuthorityValues.Of(authority), authority.Version);
    }

    private static Task<EditResult> SaveAsync(EditingHarness h, Editor editor, int id, uint version, AuthorityValues values) =>
        h.WithAsync(sp => sp.GetRequiredService<AuthorityEditing>().SaveAsync(editor, id, version, values, Ct));

    /// <summary>The ids of the projects the public search finds for <paramref name="text"/>.</summary>
    internal static Task<List<int>> SearchAsync(EditingHarness h, string text) => h.WithAsync(async sp =>
    {
        var reference = await sp.GetRequiredService<ReferenceCatalog>().GetAsync(Ct);
        var result = await sp.GetRequiredService<ProjectSearch>().SearchAsync(
            new ProjectFilter { Query = text }, ProjectSort.Relevance, new ProjectPage(100), withFacets: false, reference, Ct);
        return result.Items.Select(p => p.Id).ToList();
    });

    private static async Task<string> SnapshotAsync(EditingHarness h, int id)
    {
        await using var conn = new Npgsql.NpgsqlConnection(h.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new Npgsql.NpgsqlCommand("""
            SELECT concat_ws(E'\n', (SELECT row_to_json(a)::text || ' xmin=' || a.xmin FROM local_authorities a WHERE a.id = @id),
                (SELECT 'history=' || count(*) FROM change_records))
            """, conn);
        cmd.Parameters.AddWithValue("id", id);
        return (string)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}

/// <summary>The authority edit page: a correspondent's change through the form, seen on the public page.</summary>
public sealed class AuthorityEditPageTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    [Fact]
    public async Task A_Rabat_correspondent_edits_Oujda_population_seen_on_the_authority_page()
    {
        var id = await fixture.AuthorityIdAsync("ma-commune-oujda");
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-rabat");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, rabat);

        var detail = await browser.GetAsync($"/collectivites/{id}");
        Assert.NotNull(detail.TestIdOrNull("edit-link"));
        var form = await browser.GetAsync($"/collectivites/{id}/modifier");
        var fields = BrowserSession.FormValues(form.Form("[data-testid='authority-edit-form']"));
        fields.RemoveAll(f => f.Key is "Values.Population" or "Values.PopulationYear");
        fields.Add(new("Values.Population", "-5"));
        fields.Add(new("Values.PopulationYear", "2023"));
        var rejected = await browser.PostAsync($"/collectivites/{id}/modifier", fields, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        Assert.Contains("négative", rejected.TestIdOrNull("field-error-Values.Population")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("-5", rejected.Document.QuerySelector("#f-Values-Population")!.GetAttribute("value"));

        fields.RemoveAll(f => f.Key == "Values.Population");
        fields.Add(new("Values.Population", "506274"));
        var saved = await browser.PostAsync($"/collectivites/{id}/modifier", fields);
        Assert.Equal($"/collectivites/{id}", saved.Path);
        Assert.NotNull(saved.TestIdOrNull("notice"));
        var population = saved.TestIdOrNull("authority-population")!.TextContent;
        Assert.Contains("2023", population, StringComparison.Ordinal);
        Assert.Contains("506", population, StringComparison.Ordinal);

        var beirut = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-beyrouth");
        using var other = fixture.Browser();
        await AccountsAppFixture.SignInAsync(other, beirut);
        Assert.Null((await other.GetAsync($"/collectivites/{id}")).TestIdOrNull("edit-link"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/collectivites/{id}/modifier")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/collectivites/999999/modifier")).Status);
    }
}
