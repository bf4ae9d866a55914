using System.Text.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Core.Figures;
using Atlas.Core.Fundings;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Core.Themes;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Caching;

/// <summary>
/// A save of the atlas's records keeps the stored counts current in its own transaction (CountUpkeep): after each kind of
/// edit the stored row is marked with the data version the edit left, and holds exactly what a recount of every table
/// gives. An edit it cannot keep (the theme tree) leaves the row stale for the recount in the background. Own database: it writes.
/// </summary>
public sealed class CountUpkeepTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_each_edit_the_stored_counts_are_current_and_equal_to_a_recount()
    {
        var connection = await database.CreateDemoDatabaseAsync();
        await using (var app = new AtlasApp(connection))
        {
            using var client = app.CreateClient();
            (await client.GetAsync("/", Ct)).EnsureSuccessStatusCode().Dispose(); // stores the counts of the demo data
        }
        await AssertKeptAsync(connection, "the demo data, as stored", _ => Task.CompletedTask);

        await AssertKeptAsync(connection, "a project's status and years", async db =>
        {
            var project = await db.Projects.OrderBy(p => p.Id).FirstAsync(p => p.Status == ProjectStatus.Ongoing, Ct);
            project.Status = ProjectStatus.Completed;
            project.StartYear = 1999;
            project.EndYear = 2001;
        });
        await AssertKeptAsync(connection, "a funding line added", async db =>
        {
            var funding = await db.Fundings.AsNoTracking().OrderBy(f => f.Id).FirstAsync(Ct);
            db.Fundings.Add(new Funding { ProjectId = funding.ProjectId, Amount = 12_345m, CurrencyCode = "EUR", Year = 1987, FunderAuthorityId = funding.FunderAuthorityId, FunderOrganisationId = funding.FunderOrganisationId });
        });
        await AssertKeptAsync(connection, "a partnership deleted", async db =>
        {
            var partnership = await db.Partnerships.OrderBy(p => p.Id).FirstAsync(p => p.Authorities.Count >= 2 && p.Themes.Count > 0, Ct);
            partnership.DeletedAt = DateTimeOffset.UtcNow;
        });
        await AssertKeptAsync(connection, "a new partnership between two authorities with a theme", async db =>
        {
            var home = await db.LocalAuthorities.OrderBy(a => a.Id).FirstAsync(a => a.CountryCode == "FR" && a.DepartmentCode != null, Ct);
            var abroad = await db.LocalAuthorities.OrderBy(a => a.Id).FirstAsync(a => a.CountryCode != "FR", Ct);
            var theme = await db.Themes.OrderByDescending(t => t.Level).ThenBy(t => t.Id).FirstAsync(Ct);
            db.Partnerships.Add(new Partnership
            {
                Title = "Partenariat de test", Status = PartnershipStatus.Active, SignedYear = 1977,
                Authorities = [new PartnershipAuthority { LocalAuthorityId = home.Id }, new PartnershipAuthority { LocalAuthorityId = abroad.Id }],
                Themes = [new PartnershipTheme { ThemeId = theme.Id }],
            });
        });
        await AssertKeptAsync(connection, "a partner authority moved to another country", async db =>
        {
            var abroad = await db.LocalAuthorities.OrderBy(a => a.Id)
                .FirstAsync(a => a.CountryCode == "MA" && a.Partnerships.Count > 0, Ct);
            abroad.CountryCode = "TN";
        });
        await AssertKeptAsync(connection, "a French authority moved to another département", async db =>
        {
            var home = await db.LocalAuthorities.OrderBy(a => a.Id)
                .FirstAsync(a => a.CountryCode == "FR" && a.DepartmentCode != null && a.Partnerships.Count > 0, Ct);
            home.DepartmentCode = home.DepartmentCode == "35" ? "13" : "35";
        });
        await AssertKeptAsync(connection, "a project's themes and participants changed", async db =>
        {
            var project = await db.Projects.Include(p => p.Themes).Include(p => p.Participants).OrderBy(p => p.Id)
                .FirstAsync(p => p.Themes.Count > 0 && p.Participants.Count > 1, Ct);
            project.Themes.RemoveAt(project.Themes.Count - 1);
            project.Participants.RemoveAt(project.Participants.Count - 1);
        });
        await AssertKeptAsync(connection, "a contact, which counts nothing", async db =>
        {
            var contact = await db.Contacts.OrderBy(c => c.Id).FirstAsync(Ct);
            contact.Function = "Chargé de mission (test)";
        });

        // The theme tree moves many records' counts at once: left to the recount.
        await using (var db = TestDatabase.CreateContext(connection))
        {
            var theme = await db.Themes.OrderByDescending(t => t.Level).ThenBy(t => t.Id).FirstAsync(Ct);
            theme.Name += " (test)";
            await db.SaveChangesAsync(Ct);
            Assert.False(await FreshAsync(db), "An edit of the theme tree should leave the stored counts stale.");
        }
    }

    /// <summary>Saves <paramref name="edit"/> through a context, then compares the stored counts with a recount of the same data.</summary>
    private static async Task AssertKeptAsync(string connection, string what, Func<AtlasDbContext, Task> edit)
    {
        await using (var db = TestDatabase.CreateContext(connection))
        {
            await edit(db);
            await db.SaveChangesAsync(Ct);
        }
        await using var check = TestDatabase.CreateContext(connection);
        Assert.True(await FreshAsync(check), $"After {what}, the stored counts are not marked with the current data version.");
        var stored = await check.AggregateSnapshots.Where(s => s.Key == CountSnapshots.Key).Select(s => s.Payload).SingleAsync(Ct);
        var recount = await AtlasCounts.ComputeAsync(check, await ThemeCounts.ParentsAsync(check, Ct), null, Ct);
        Assert.True(Canonical(stored) == Canonical(JsonSerializer.Serialize(recount)), $"After {what}, the stored counts differ from a recount.");
        // And one figure against the base tables written directly in SQL.
        var projects = await check.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM projects WHERE deleted_at IS NULL").SingleAsync(Ct);
        Assert.True(projects > 0);
        Assert.Equal(projects, JsonSerializer.Deserialize<AtlasCounts>(stored)!.Projects);
    }

    private static async Task<bool> FreshAsync(AtlasDbContext db) =>
        await db.Database.SqlQuery<bool>($"""
            SELECT coalesce(bool_and(s.data_changed_at = v.changed_at), false) AS "Value"
            FROM aggregate_snapshots s CROSS JOIN data_versions v WHERE s.key = {CountSnapshots.Key}
            """).SingleAsync(Ct);

    /// <summary>The counts with every object's members and every list's items in one order: lists come in no fixed order.</summary>
    private static string Canonical(string json) => Canonical(JsonNode.Parse(json))!.ToJsonString();

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical).OrderBy(n => n?.ToJsonString(), StringComparer.Ordinal)]),
        _ => node?.DeepClone(),
    };
}
