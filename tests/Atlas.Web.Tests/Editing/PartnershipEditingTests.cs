using System.Globalization;
using Atlas.Core.Contacts;
using Atlas.Core.Editing;
using Atlas.Core.Partnerships;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>Editing a partnership (fields, authorities, themes): scope, rules, history, conflicts, its projects' search columns, on a real database.</summary>
public sealed class PartnershipEditingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correspondent_adds_an_authority_and_a_theme_recorded_in_the_history_and_the_authority_reaches_the_projects_search_columns()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadAsync(h, h.WoippySalePartnership);
        var theme = await UnusedThemeAsync(h, values.ThemeIds);
        values.Title = "Woippy – Salé, coopération renouvelée";
        values.LegalFrame = "Convention de coopération";
        values.SignedOn = new DateOnly(2012, 5, 14);
        values.SignedYear = null;
        values.AuthorityIds.Add(h.Tyr);
        values.ThemeIds.Add(theme);

        var saved = Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.RabatCorrespondent, h.WoippySalePartnership, version, values));
        Assert.NotEqual(version, saved.Version);

        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var stored = await db.Partnerships.AsNoTracking().Include(p => p.Authorities).Include(p => p.Themes)
            .SingleAsync(p => p.Id == h.WoippySalePartnership, Ct);
        Assert.Equal(("Woippy – Salé, coopération renouvelée", 2012, saved.Version), (stored.Title, stored.SignedYear, stored.Version));
        Assert.Contains(stored.Authorities, a => a.LocalAuthorityId == h.Tyr);
        Assert.Contains(stored.Themes, t => t.ThemeId == theme);

        var records = await db.ChangeRecords.AsNoTracking().Where(r => r.UserName == "Rachid Rabat").ToListAsync(Ct);
        var id = h.WoippySalePartnership.ToString(CultureInfo.InvariantCulture);
        var own = Assert.Single(records, r => r.EntityType == "partnership" && r.EntityId == id);
        Assert.Equal((ChangeAction.Updated, (long?)version), (own.Action, own.FromVersion));
        Assert.Contains(own.Changes, c => c.Field == "title" && c.New == "Woippy – Salé, coopération renouvelée");
        Assert.Contains(own.Changes, c => c.Field == "signedOn" && c.New == "2012-05-14");
        Assert.Contains(records, r => r.EntityType == "partnership-authority" && r.EntityId == $"{id}/{h.Tyr}" && r.Action == ChangeAction.Created);
        Assert.Contains(records, r => r.EntityType == "partnership-theme" && r.EntityId == $"{id}/{theme}" && r.Action == ChangeAction.Created);

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == h.WoippySaleProject, Ct);
        Assert.Contains(h.Tyr, project.AuthorityIds);
        Assert.Contains("LB", project.CountryCodes);
        // A theme stays the partnership's: a project is found by the themes it carries itself.
        Assert.False(await db.ProjectThemes.AnyAsync(t => t.ProjectId == h.WoippySaleProject && t.ThemeId == theme, Ct));
        Assert.DoesNotContain(theme, project.ThemeIds);
        Assert.Contains("renouvelée", project.SearchText, StringComparison.Ordinal);

        // Its domains are searched with its projects too: a change of them alone reaches their search text.
        (values, version) = await LoadAsync(h, h.WoippySalePartnership);
        values.Domains = "Zarbalogie urbaine";
        Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.RabatCorrespondent, h.WoippySalePartnership, version, values));
        Assert.Contains("Zarbalogie", await db.Projects.Where(p => p.Id == h.WoippySaleProject).Select(p => p.SearchText).SingleAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partnerships_contacts_are_added_and_removed_with_it()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadAsync(h, h.WoippySalePartnership);
        values.Contacts!.Add(new ContactValues { LastName = "BENALI", Function = "Chargé de la coopération", Email = "benali@example.org", Role = "other" });
        var saved = Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.RabatCorrespondent, h.WoippySalePartnership, version, values));

        var (after, _) = await LoadAsync(h, h.WoippySalePartnership);
        var added = Assert.Single(after.Contacts!, c => c.LastName == "BENALI");
        after.Contacts!.RemoveAll(c => c.Id == added.Id);
        Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.RabatCorrespondent, h.WoippySalePartnership, saved.Version, after));
        Assert.DoesNotContain((await LoadAsync(h, h.WoippySalePartnership)).Values.Contacts!, c => c.Id == added.Id);
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        Assert.NotNull(await db.Contacts.IgnoreQueryFilters().Where(c => c.Id == added.Id).Select(c => c.DeletedAt).SingleAsync(Ct));
    }

    [Fact]
    public async Task Rules_are_told_field_by_field_in_French_with_English_texts()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadAsync(h, h.WoippySalePartnership);
        values.Title = " ";
        values.LegalFrame = new string('x', PartnershipValidator.MaxLegalFrameLength + 1);
        values.Status = "dormant";
        values.SignedYear = 2015;
        values.SignedOn = new DateOnly(2014, 3, 1);
        values.ThemeIds = [-4];
        values.AuthorityIds = [h.Woippy, h.Woippy, int.MaxValue];

        var invalid = Assert.IsType<EditResult.Invalid>(await SaveAsync(h, h.Administrator, h.WoippySalePartnership, version, values));
        Assert.Equal("Indiquez le titre du partenariat.", Assert.Single(invalid.Errors["Title"]).Message);
        Assert.Equal("too_long", Assert.Single(invalid.Errors["LegalFrame"]).Code);
        Assert.Equal("unknown_partnership_status", Assert.Single(invalid.Errors["Status"]).Code);
        Assert.Equal("La date doit tomber dans l'année indiquée.", Assert.Single(invalid.Errors["SignedOn"]).Message);
        Assert.Equal("unknown_theme", Assert.Single(invalid.Errors["ThemeIds[0]"]).Code);
        Assert.Equal("Cette collectivité n'existe pas.", Assert.Single(invalid.Errors["AuthorityIds[2]"]).Message);
        Assert.Equal("duplicate_authority", Assert.Single(invalid.Errors["AuthorityIds"]).Code);
        Assert.All(invalid.Errors.Values.SelectMany(e => e), e => Assert.NotEqual(e.Code, e.English));

        (values, _) = await LoadAsync(h, h.WoippySalePartnership);
        values.SignedYear = 1850;
        values.AuthorityIds = [h.Woippy];
        invalid = Assert.IsType<EditResult.Invalid>(await SaveAsync(h, h.Administrator, h.WoippySalePartnership, version, values));
        Assert.Equal("year_out_of_range", Assert.Single(invalid.Errors["SignedYear"]).Code);
        Assert.Equal("Un partenariat compte au moins une collectivité étrangère.", Assert.Single(invalid.Errors["AuthorityIds"]).Message);

        (values, _) = await LoadAsync(h, h.WoippySalePartnership);
        values.AuthorityIds = [h.Sale, h.Tyr];
        invalid = Assert.IsType<EditResult.Invalid>(await SaveAsync(h, h.Administrator, h.WoippySalePartnership, version, values));
        Assert.Equal("french_authority_required", Assert.Single(invalid.Errors["AuthorityIds"]).Code);
    }

    [Fact]
    public async Task Scope_is_the_stored_partnership_and_an_editor_keeps_the_authority_that_gives_it()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadAsync(h, h.WoippySalePartnership);
        values.History = "Une histoire écrite par Woippy.";
        var saved = Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.WoippyEditor, h.WoippySalePartnership, version, values));

        var before = await SnapshotAsync(h, h.WoippySalePartnership);
        var withoutWoippy = (await LoadAsync(h, h.WoippySalePartnership)).Values;
        var other = await OtherFrenchAuthorityAsync(h);
        withoutWoippy.AuthorityIds = [other, h.Sale];
        var invalid = Assert.IsType<EditResult.Invalid>(await SaveAsync(h, h.WoippyEditor, h.WoippySalePartnership, saved.Version, withoutWoippy));
        Assert.Equal("scope_authority_removed", Assert.Single(invalid.Errors["AuthorityIds"]).Code);
        Assert.IsType<EditResult.Forbidden>(await SaveAsync(h, h.BeirutCorrespondent, h.WoippySalePartnership, saved.Version, withoutWoippy));
        Assert.Equal(before, await SnapshotAsync(h, h.WoippySalePartnership));

        var (tyr, tyrVersion) = await LoadAsync(h, h.TyrPartnership);
        tyr.Title = "Détourné";
        Assert.IsType<EditResult.Forbidden>(await SaveAsync(h, h.WoippyEditor, h.TyrPartnership, tyrVersion, tyr));
        Assert.IsType<EditResult.Forbidden>(await SaveAsync(h, h.RabatCorrespondent, h.TyrPartnership, tyrVersion, tyr));
        Assert.IsType<EditResult.NotFound>(await SaveAsync(h, h.Administrator, int.MaxValue, tyrVersion, tyr));

        // An administrator may move the partnership out of the Woippy editor's scope.
        Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.Administrator, h.WoippySalePartnership, saved.Version, withoutWoippy));
    }

    [Fact]
    public async Task Two_saves_of_one_version_give_one_conflict_naming_the_authorities_changed()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (first, version) = await LoadAsync(h, h.WoippySalePartnership);
        var (second, _) = await LoadAsync(h, h.WoippySalePartnership);
        first.AuthorityIds.Add(h.Tyr);
        second.Domains = "Jeunesse, culture";

        Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.RabatCorrespondent, h.WoippySalePartnership, version, first));
        var conflict = Assert.IsType<EditResult.Conflict>(await SaveAsync(h, h.Administrator, h.WoippySalePartnership, version, second));
        var id = h.WoippySalePartnership.ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"partnership-authority/{id}/{h.Tyr}", conflict.Fields);
        Assert.All(conflict.Changes, c => Assert.Equal("Rachid Rabat", c.UserName));

        // The same stale version changing nothing now is still a conflict: it has not seen the new authority.
        var unchanged = (await LoadAsync(h, h.WoippySalePartnership)).Values;
        Assert.IsType<EditResult.Conflict>(await SaveAsync(h, h.Administrator, h.WoippySalePartnership, version, unchanged));
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        Assert.NotEqual("Jeunesse, culture", await db.Partnerships.Where(p => p.Id == h.WoippySalePartnership).Select(p => p.Domains).SingleAsync(Ct));
    }

    internal static async Task<(PartnershipValues Values, uint Version)> LoadAsync(EditingHarness h, int id)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var partnership = await db.Partnerships.AsNoTracking().Include(p => p.Authorities).Include(p => p.Themes).Include(p => p.Contacts)
            .SingleAsync(p => p.Id == id, Ct);
        return (PartnershipValues.Of(partnership), partnership.Version);
    }

    private static Task<EditResult> SaveAsync(EditingHarness h, Editor editor, int id, uint version, PartnershipValues values) =>
        h.WithAsync(sp => sp.GetRequiredService<PartnershipEditing>().SaveAsync(editor, id, version, values, Ct));

    private static async Task<int> UnusedThemeAsync(EditingHarness h, IReadOnlyCollection<int> used)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        return await db.Themes.Where(t => t.Level == 2 && !used.Contains(t.Id)).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
    }

    private static async Task<int> OtherFrenchAuthorityAsync(EditingHarness h)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        return await db.LocalAuthorities.Where(a => a.CountryCode == "FR" && a.Id != h.Woippy).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
    }

    private static Task<string> SnapshotAsync(EditingHarness h, int id) => Rows.PartnershipSnapshotAsync(h.ConnectionString, id);
}
