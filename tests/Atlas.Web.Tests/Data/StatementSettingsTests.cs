using Atlas.Core.Data;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Data;

/// <summary>
/// The settings a search asks for hold for each of its queries, sent with it, and for nothing after it: PostgreSQL's own
/// answer to current_setting, inside the work, after it, and inside an explicit transaction.
/// </summary>
public sealed class StatementSettingsTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_searchs_queries_run_with_custom_plans_and_without_index_walks_and_the_next_queries_do_not()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateDemoDatabaseAsync());
        var inside = await db.WithCustomPlansAsync(() => SettingsAsync(db));
        Assert.Equal(("force_custom_plan", "on"), inside);
        var nested = await db.WithCustomPlansAsync(() => db.WithoutIndexWalksAsync(() => SettingsAsync(db)));
        Assert.Equal(("force_custom_plan", "off"), nested);
        // A query's rows are its own, not those of the setting sent before it.
        var count = await db.WithCustomPlansAsync(() => db.Projects.CountAsync(Ct));
        Assert.Equal(await db.Projects.CountAsync(Ct), count);
        Assert.Equal(("auto", "on"), await SettingsAsync(db));

        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        Assert.Equal(("force_custom_plan", "on"), await db.WithCustomPlansAsync(() => SettingsAsync(db)));
        await transaction.RollbackAsync(Ct);
        Assert.Equal(("auto", "on"), await SettingsAsync(db));
    }

    private static async Task<(string PlanCacheMode, string IndexScans)> SettingsAsync(AtlasDbContext db)
    {
        var row = await db.Database.SqlQueryRaw<string>(
            "SELECT current_setting('plan_cache_mode') || ' ' || current_setting('enable_indexscan') AS \"Value\"").SingleAsync(Ct);
        var parts = row.Split(' ');
        return (parts[0], parts[1]);
    }
}
