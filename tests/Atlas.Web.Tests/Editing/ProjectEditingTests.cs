using Atlas.Core.Contacts;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Core.Fundings;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>Editing a project: scope, rules, history, search columns and date of update, on a real database.</summary>
public sealed class ProjectEditingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correspondent_edits_fields_and_funding_lines_and_every_change_is_in_the_history()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        var oldTitle = values.Title;
        Assert.Equal(2, values.Fundings.Count);
        var changed = values.Fundings[0];
        var removed = values.Fundings[1];
        var oldAmount = changed.Amount;
        var before = DateTimeOffset.UtcNow;

        values.Title = "DIGITALCOOP – Culture numérique en Méditerranée";
        values.Beneficiaries = "Les habitants de Tyr";
        changed.Amount = 12_345.5m;
        values.Fundings.Remove(removed);
        values.Fundings.Add(new FundingValues { FunderAuthorityId = h.Tyr, Amount = 800m, CurrencyCode = "LBP", Year = 2019, Note = "Apport en nature" });
        var saved = Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.BeirutCorrespondent, h.TyrProject, version, values));
        Assert.NotEqual(version, saved.Version);

        var history = await h.HistoryAsync(h.TyrProject);
        Assert.Equal(4, history.Count);
        Assert.All(history, r =>
        {
            Assert.Equal((h.BeirutCorrespondent.UserId, "Bachir Beyrouth", h.TyrProject), (r.UserId!.Value, r.UserName, r.ProjectId!.Value));
            Assert.InRange(r.At, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        });

        var project = Assert.Single(history, r => r.EntityType == "project");
        Assert.Equal(ChangeAction.Updated, project.Action);
        Assert.Equal(version, (uint)project.FromVersion!.Value);
        Assert.Equal(
            [new FieldChange("title", oldTitle, "DIGITALCOOP – Culture numérique en Méditerranée"), new FieldChange("beneficiaries", "a préciser ultérieurement", "Les habitants de Tyr")],
            project.Changes.OrderByDescending(c => c.Field == "title").ToList());

        var update = Assert.Single(history, r => r.EntityType == "funding" && r.Action == ChangeAction.Updated);
        Assert.Equal(changed.Id.ToString(), update.EntityId);
        Assert.Equal([new FieldChange("amount", RecordedTypes.Text(oldAmount), "12345.5")], update.Changes);

        var deletion = Assert.Single(history, r => r.Action == ChangeAction.Deleted);
        Assert.Equal(("funding", removed.Id.ToString()), (deletion.EntityType, deletion.EntityId));
        // Deleted softly: the line keeps its values, hidden, for an administrator to restore.
        var deletedAt = Assert.Single(deletion.Changes);
        Assert.Equal(("deletedAt", null), (deletedAt.Field, deletedAt.Old));
        await using (var all = TestDatabase.CreateContext(h.ConnectionString))
        {
            var kept = await all.Fundings.IgnoreQueryFilters().SingleAsync(f => f.Id == removed.Id, Ct);
            Assert.Equal((removed.Amount, removed.CurrencyCode), (kept.Amount, kept.CurrencyCode));
            // PostgreSQL keeps microseconds of the 100-ns clock.
            Assert.InRange(DateTimeOffset.Parse(deletedAt.New!, System.Globalization.CultureInfo.InvariantCulture) - kept.DeletedAt!.Value,
                TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        }

        var creation = Assert.Single(history, r => r.Action == ChangeAction.Created);
        Assert.Equal("funding", creation.EntityType);
        Assert.Null(creation.FromVersion);
        Assert.Contains(new FieldChange("amount", null, "800"), creation.Changes);
        Assert.Contains(new FieldChange("currencyCode", null, "LBP"), creation.Changes);
        Assert.Contains(new FieldChange("funderAuthorityId", null, h.Tyr.ToString()), creation.Changes);
        Assert.Contains(new FieldChange("note", null, "Apport en nature"), creation.Changes);
        Assert.DoesNotContain(creation.Changes, c => c.Field is "funderOrganisationId" or "waterLawAmount");

        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var stored = await db.Projects.Include(p => p.Fundings).SingleAsync(p => p.Id == h.TyrProject, Ct);
        Assert.Equal(saved.Version, stored.Version);
        Assert.InRange(stored.UpdatedAt, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Contains("numérique", stored.SearchText, StringComparison.Ordinal);
        Assert.Equal([12_345.5m, 800m], stored.Fundings.OrderBy(f => f.SortOrder).Select(f => f.Amount));
        Assert.Equal(creation.EntityId, stored.Fundings.Single(f => f.Amount == 800m).Id.ToString());
    }

    [Fact]
    public async Task History_is_newest_first_and_versions_compare_field_by_field()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.WoippySaleProject);
        var original = values.Title;
        values.Title = "Première version";
        var first = Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.WoippyEditor, h.WoippySaleProject, version, values));
        values.Title = "Deuxième version";
        values.Status = "completed";
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.RabatCorrespondent, h.WoippySaleProject, first.Version, values));

        var id = h.WoippySaleProject.ToString();
        var history = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>().OfRecordAsync("project", id, Ct));
        Assert.Equal(["Rachid Rabat", "Wanda Woippy"], history.Select(r => r.UserName));
        var (latest, earliest) = (history[0].Id, history[1].Id);

        var differences = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>().CompareAsync("project", id, earliest, latest, Ct));
        Assert.Equal([new FieldDifference("status", "ongoing", "completed"), new FieldDifference("title", "Première version", "Deuxième version")],
            differences!.OrderBy(d => d.Field, StringComparer.Ordinal));

        // Before the first recorded change: the record as the demo loader wrote it.
        var start = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>().ValuesAsync("project", id, 0, Ct));
        Assert.True(start!.Exists);
        Assert.Equal(original, start.Values["title"]);
        Assert.Equal("2005", start.Values["startYear"]);
        var now = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>().ValuesAsync("project", id, null, Ct));
        Assert.Equal("Deuxième version", now!.Values["title"]);
    }

    [Fact]
    public async Task A_deleted_funding_line_can_be_compared_with_its_last_version()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        var removed = values.Fundings[0];
        values.Fundings.RemoveAt(0);
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, version, values));

        var id = removed.Id!.Value.ToString();
        var history = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>().OfRecordAsync("funding", id, Ct));
        var deletion = Assert.Single(history);
        var gone = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>().ValuesAsync("funding", id, null, Ct));
        Assert.False(gone!.Exists);
        var last = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>().ValuesAsync("funding", id, deletion.Id - 1, Ct));
        Assert.True(last!.Exists);
        Assert.Equal(removed.CurrencyCode, last.Values["currencyCode"]);
        Assert.Equal(RecordedTypes.Text(removed.Amount), last.Values["amount"]);
    }

    [Fact]
    public async Task Themes_are_edited_and_recorded()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.WoippySaleProject);
        var oldMain = values.MainThemeId;
        Assert.NotNull(oldMain);
        // Two top-level themes other than the project's own main theme, so that the edit changes it.
        var themes = await h.WithAsync(async sp => await sp.GetRequiredService<AtlasDbContext>().Themes
            .Where(t => t.Level == 1 && t.Id != oldMain).OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync(Ct));
        values.MainThemeId = themes[0];
        values.Themes = [new ThemeChoice { ThemeId = themes[1], Priority = 2 }];
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.WoippyEditor, h.WoippySaleProject, version, values));

        var (reloaded, _) = await h.LoadProjectAsync(h.WoippySaleProject);
        Assert.Equal(themes[0], reloaded.MainThemeId);
        Assert.Equal((themes[1], (int?)2), (reloaded.Themes.Single().ThemeId, reloaded.Themes.Single().Priority));
        var history = await h.HistoryAsync(h.WoippySaleProject);
        Assert.Contains(history, r => r.EntityType == "project-theme" && r.Action == ChangeAction.Deleted && r.EntityId == $"{h.WoippySaleProject}/{oldMain}");
        Assert.Contains(history, r => r.EntityType == "project-theme" && r.Action == ChangeAction.Created && r.EntityId == $"{h.WoippySaleProject}/{themes[0]}");

        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var themeIds = await db.Projects.Where(p => p.Id == h.WoippySaleProject).Select(p => p.ThemeIds).SingleAsync(Ct);
        Assert.Contains(themes[1], themeIds);

        // The main theme and another one swap places (one main theme per project, at every step).
        var (again, current) = await h.LoadProjectAsync(h.WoippySaleProject);
        again.MainThemeId = themes[1];
        again.Themes = [new ThemeChoice { ThemeId = themes[0], Priority = 1 }];
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.WoippyEditor, h.WoippySaleProject, current, again));
        var (swapped, _) = await h.LoadProjectAsync(h.WoippySaleProject);
        Assert.Equal((themes[1], themes[0]), (swapped.MainThemeId!.Value, swapped.Themes.Single().ThemeId));
        (again, current) = await h.LoadProjectAsync(h.WoippySaleProject);
        again.MainThemeId = themes[0];
        again.Themes = [new ThemeChoice { ThemeId = themes[1], Priority = 1 }];
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.WoippyEditor, h.WoippySaleProject, current, again));
        (swapped, _) = await h.LoadProjectAsync(h.WoippySaleProject);
        Assert.Equal((themes[0], themes[1]), (swapped.MainThemeId!.Value, swapped.Themes.Single().ThemeId));

        // A new main theme while the old one stays as another theme.
        var third = await h.WithAsync(async sp => await sp.GetRequiredService<AtlasDbContext>().Themes
            .Where(t => t.Level == 1 && t.Id != oldMain).OrderBy(t => t.Id).Select(t => t.Id).Skip(2).FirstAsync(Ct));
        (again, current) = await h.LoadProjectAsync(h.WoippySaleProject);
        again.MainThemeId = third;
        again.Themes = [new ThemeChoice { ThemeId = themes[0], Priority = 1 }, new ThemeChoice { ThemeId = themes[1], Priority = 2 }];
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.WoippyEditor, h.WoippySaleProject, current, again));
        (swapped, _) = await h.LoadProjectAsync(h.WoippySaleProject);
        Assert.Equal((third, 2), (swapped.MainThemeId!.Value, swapped.Themes.Count));
    }

    [Fact]
    public async Task A_save_that_changes_nothing_writes_nothing()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        var before = await Rows.SnapshotAsync(h.ConnectionString, h.TyrProject);
        var saved = Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, version, values));
        Assert.Equal(version, saved.Version);
        Assert.Equal(before, await Rows.SnapshotAsync(h.ConnectionString, h.TyrProject));
    }

    [Fact]
    public async Task Saves_outside_the_scope_are_forbidden_and_change_nothing()
    {
        await using var h = await EditingHarness.StartAsync(database);
        foreach (var (editor, project) in new[]
                 {
                     (h.RabatCorrespondent, h.TyrProject), (h.BeirutCorrespondent, h.MoroccanProject), (h.BeirutCorrespondent, h.WoippySaleProject),
                     (h.WoippyEditor, h.TyrProject), (h.WoippyEditor, h.MoroccanProject),
                 })
        {
            var (values, version) = await h.LoadProjectAsync(project);
            var before = await Rows.SnapshotAsync(h.ConnectionString, project);
            values.Title = "Titre réécrit hors de mon périmètre";
            values.Fundings.Clear();
            // Invalid too: scope is checked first, so that nothing about the record is told.
            values.EndYear = 1800;
            Assert.IsType<EditResult.Forbidden>(await h.SaveAsync(editor, project, version, values));
            Assert.Equal(before, await Rows.SnapshotAsync(h.ConnectionString, project));
        }
    }

    [Fact]
    public async Task An_unknown_project_is_not_found()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        Assert.IsType<EditResult.NotFound>(await h.SaveAsync(h.Administrator, 999_999, version, values));
    }

    [Fact]
    public async Task Invalid_values_are_refused_field_by_field_in_french_and_change_nothing()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.TyrProject);
        var before = await Rows.SnapshotAsync(h.ConnectionString, h.TyrProject);
        values.Title = " ";
        values.StartYear = 2015;
        values.EndYear = 2010;
        values.EndDate = null;
        values.Fundings[0].Amount = -10m;
        values.Fundings[1].CurrencyCode = "DHS";
        values.Fundings.Add(new FundingValues { FunderAuthorityId = 999_999, Amount = 10m, CurrencyCode = "EUR", WaterLawAmount = 20m });

        var invalid = Assert.IsType<EditResult.Invalid>(await h.SaveAsync(h.BeirutCorrespondent, h.TyrProject, version, values));
        Assert.Equal(
            ["EndYear", "Fundings[0].Amount", "Fundings[1].CurrencyCode", "Fundings[2].FunderAuthorityId", "Fundings[2].WaterLawAmount", "Title"],
            invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new FieldError("title_required", "Indiquez le titre du projet."), invalid.Errors["Title"].Single());
        Assert.Equal("L'année de fin doit être postérieure ou égale à l'année de début.", invalid.Errors["EndYear"].Single().Message);
        Assert.Equal("Un montant ne peut être négatif.", invalid.Errors["Fundings[0].Amount"].Single().Message);
        Assert.Equal("unknown_currency", invalid.Errors["Fundings[1].CurrencyCode"].Single().Code);
        Assert.Equal("Unknown currency: give an ISO 4217 code, e.g. EUR or MAD.", invalid.Errors["Fundings[1].CurrencyCode"].Single().English);
        Assert.Equal("Cette collectivité n'existe pas.", invalid.Errors["Fundings[2].FunderAuthorityId"].Single().Message);
        Assert.Equal("La part « 1 % eau » ne peut dépasser le montant.", invalid.Errors["Fundings[2].WaterLawAmount"].Single().Message);
        Assert.Equal(before, await Rows.SnapshotAsync(h.ConnectionString, h.TyrProject));
    }

    [Fact]
    public async Task A_funding_line_of_another_project_cannot_be_moved_in()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (tyr, _) = await h.LoadProjectAsync(h.TyrProject);
        var (values, version) = await h.LoadProjectAsync(h.WoippySaleProject);
        values.Fundings.Add(tyr.Fundings[0]);
        var invalid = Assert.IsType<EditResult.Invalid>(await h.SaveAsync(h.Administrator, h.WoippySaleProject, version, values));
        Assert.Equal("unknown_funding", Assert.Single(invalid.Errors["Fundings[0].Id"]).Code);
    }

    [Fact]
    public async Task Any_writer_with_an_editor_is_recorded_and_writers_without_one_are_not()
    {
        await using var h = await EditingHarness.StartAsync(database);
        await h.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<AtlasDbContext>();
            var post = await db.DiplomaticPosts.SingleAsync(p => p.Id == h.RabatPost, Ct);
            post.City = "Rabat-Agdal";
            await db.SaveChangesAsync(Ct);
            using (db.WriteAs(h.RabatCorrespondent))
            {
                post.City = "Rabat";
                db.Contacts.Add(new Contact { DiplomaticPostId = h.RabatPost, LastName = "NOUVEAU", Role = ContactRole.Other });
                await db.SaveChangesAsync(Ct);
            }
            return 0;
        });

        await using var check = TestDatabase.CreateContext(h.ConnectionString);
        var records = await check.ChangeRecords.OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal(2, records.Count);
        Assert.Equal(("diplomatic-post", ChangeAction.Updated), (records[0].EntityType, records[0].Action));
        Assert.Equal([new FieldChange("city", "Rabat-Agdal", "Rabat")], records[0].Changes);
        Assert.Equal(("contact", ChangeAction.Created, (int?)null), (records[1].EntityType, records[1].Action, records[1].ProjectId));
        Assert.All(records, r => Assert.Equal("Rachid Rabat", r.UserName));
    }
}
