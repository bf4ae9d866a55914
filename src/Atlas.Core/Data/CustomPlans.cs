namespace Atlas.Core.Data;

/// <summary>
/// Runs a search's statements with a plan made for their own values. Npgsql prepares the statements a connection runs
/// often, and after five executions PostgreSQL may keep a generic plan for a prepared statement, blind to how common a
/// searched word, a country or a theme is: at scale 100 such plans took a search's statements from 20 ms to 600–800 ms.
/// Set for the whole pool, custom plans cost every other statement its planning (a project's record read fell from 8,400
/// to 2,500 requests/s), so they are asked for here only, with each statement of the work (<see cref="StatementSettings"/>).
/// </summary>
public static class CustomPlans
{
    public static Task<T> WithCustomPlansAsync<T>(this AtlasDbContext db, Func<Task<T>> work) =>
        WithSettingAsync(db, "plan_cache_mode", "force_custom_plan", work);

    /// <summary>Runs <paramref name="work"/> with <paramref name="name"/> set to <paramref name="value"/> for each of its queries.</summary>
    internal static async Task<T> WithSettingAsync<T>(AtlasDbContext db, string name, string value, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        var previous = db.StatementSettings;
        db.StatementSettings = [.. previous, (name, value)];
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            db.StatementSettings = previous;
        }
    }
}
