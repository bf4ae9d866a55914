using Atlas.Core.Editing;
using Atlas.Core.Fundings;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>Two people saving the same version: one wins, the other is told what changed, and nothing is overwritten.</summary>
public sealed class ConcurrentEditingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_second_save_of_a_version_gets_a_conflict_naming_the_fields_the_first_changed()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (first, version) = await h.LoadProjectAsync(h.TyrProject);
        var (second, _) = await h.LoadProjectAsync(h.TyrProject);
        var line = first.Fundings[0].Id!.Value;

        first.Title = "Titre du correspondant";
        first.Fundings[0].Amount = 1m;
        var saved = Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.BeirutCorrespondent, h.TyrProject, version, first));

        second.Description = "Description de l'administrateur";
        second.Title = "Titre de l'administrateur";
        var before = await Rows.SnapshotAsync(h.ConnectionString, h.TyrProject);
        var conflict = Assert.IsType<EditResult.Conflict>(await h.SaveAsync(h.Administrator, h.TyrProject, version, second));
        Assert.Equal(saved.Version, conflict.CurrentVersion);
        Assert.Equal(["title", $"funding/{line}.amount"], conflict.Fields);
        Assert.All(conflict.Changes, c => Assert.Equal("Bachir Beyrouth", c.UserName));
        Assert.Equal("Titre du correspondant", conflict.Changes[0].New);
        Assert.Equal(before, await Rows.SnapshotAsync(h.ConnectionString, h.TyrProject));

        // Reloaded, the second person's save goes through.
        var (reloaded, current) = await h.LoadProjectAsync(h.TyrProject);
        Assert.Equal(saved.Version, current);
        reloaded.Description = "Description de l'administrateur";
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, current, reloaded));
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var project = await db.Projects.SingleAsync(p => p.Id == h.TyrProject, Ct);
        Assert.Equal(("Titre du correspondant", "Description de l'administrateur"), (project.Title, project.Description));
    }

    [Fact]
    public async Task After_a_conflict_the_pooled_context_saves_cleanly_without_an_editor()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (first, version) = await h.LoadProjectAsync(h.TyrProject);
        var (second, _) = await h.LoadProjectAsync(h.TyrProject);
        first.Title = "Premier";
        second.Title = "Second";
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.Administrator, h.TyrProject, version, first));
        Assert.IsType<EditResult.Conflict>(await h.SaveAsync(h.Administrator, h.TyrProject, version, second));
        var history = (await h.HistoryAsync(h.TyrProject)).Count;

        // A save with no editor (as the demo loader's) must not carry what the refused save meant to record.
        var saved = await h.WithAsync(async services =>
        {
            var db = services.GetRequiredService<Atlas.Core.Data.AtlasDbContext>();
            var organisation = await db.Organisations.OrderBy(o => o.Id).FirstAsync(Ct);
            organisation.City = "Beyrouth";
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(1, saved);
        Assert.Equal(history, (await h.HistoryAsync(h.TyrProject)).Count);
    }

    [Fact]
    public async Task A_conflict_names_the_funding_lines_the_other_person_added_changed_or_removed()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (first, version) = await h.LoadProjectAsync(h.TyrProject);
        var (second, _) = await h.LoadProjectAsync(h.TyrProject);
        var (changed, removed) = (first.Fundings[0].Id, first.Fundings[1].Id);
        first.Fundings[0].Year = 2013;
        first.Fundings.RemoveAt(1);
        first.Fundings.Add(new FundingValues { FunderAuthorityId = h.Tyr, Amount = 5m, CurrencyCode = "EUR" });
        Assert.IsType<EditResult.Saved>(await h.SaveAsync(h.BeirutCorrespondent, h.TyrProject, version, first));
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var added = await db.Fundings.Where(f => f.ProjectId == h.TyrProject && f.Amount == 5m).Select(f => f.Id).SingleAsync(Ct);

        second.Title = "Autre titre";
        var conflict = Assert.IsType<EditResult.Conflict>(await h.SaveAsync(h.Administrator, h.TyrProject, version, second));
        Assert.Equal(new[] { $"funding/{changed}.year", $"funding/{removed}", $"funding/{added}" }.Order(StringComparer.Ordinal),
            conflict.Fields.Order(StringComparer.Ordinal));
        Assert.NotEqual("Autre titre", (await db.Projects.SingleAsync(p => p.Id == h.TyrProject, Ct)).Title);
    }

    [Fact]
    public async Task Of_fifty_parallel_saves_of_one_version_exactly_one_succeeds()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (_, version) = await h.LoadProjectAsync(h.WoippySaleProject);
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            var (values, _) = await h.LoadProjectAsync(h.WoippySaleProject);
            values.Title = $"Version {i}";
            values.Fundings.Add(new FundingValues { FunderAuthorityId = h.Woippy, Amount = i, CurrencyCode = "EUR" });
            return await h.SaveAsync(i % 2 == 0 ? h.WoippyEditor : h.RabatCorrespondent, h.WoippySaleProject, version, values);
        }, Ct)));

        var winner = Assert.Single(results.OfType<EditResult.Saved>());
        Assert.Equal(49, results.OfType<EditResult.Conflict>().Count());
        Assert.All(results.OfType<EditResult.Conflict>(), c =>
        {
            Assert.Equal(winner.Version, c.CurrentVersion);
            Assert.Contains("title", c.Fields);
        });

        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var project = await db.Projects.Include(p => p.Fundings).SingleAsync(p => p.Id == h.WoippySaleProject, Ct);
        var i = int.Parse(project.Title["Version ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((decimal)i, Assert.Single(project.Fundings).Amount);
        Assert.Equal(winner.Version, project.Version);
        var history = await h.HistoryAsync(h.WoippySaleProject);
        Assert.Equal(["funding", "project"], history.Select(r => r.EntityType).Order(StringComparer.Ordinal));
    }
}
