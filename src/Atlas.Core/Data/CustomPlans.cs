namespace Atlas.Core.Data;

/// <summary>
/// Runs a search's statements with a plan made for their own values. Npgsql prepares the statements a connection runs
/// often, and after five executions PostgreSQL may keep a generic plan for a prepared statement, blind to how common a
/// searched word, a country or a theme is: at scale 100 such plans took a search's statements from 20 ms to 600–800 ms.
/// Set for the whole pool, custom plans cost every other statement its planning (a project's record read fell from 8,400
/// to 2,500 requests/s), so they are asked for here only, for the length of one transaction.
/// </summary>
public static class CustomPlans
{
    public static Task<T> WithCustomPlansAsync<T>(this AtlasDbContext db, Func<Task<T>> work, CancellationToken ct) =>
        WithLocalSettingAsync(db, "SET LOCAL plan_cache_mode = force_custom_plan", work, ct);

    /// <summary>Runs <paramref name="work"/> in a transaction (the current one, or one of its own) that <paramref name="setLocal"/> first sets up.</summary>
    internal static async Task<T> WithLocalSettingAsync<T>(AtlasDbContext db, string setLocal, Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync(setLocal, ct).ConfigureAwait(false);
            return await work().ConfigureAwait(false);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(setLocal, ct).ConfigureAwait(false);
        var result = await work().ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }
}
